#!/usr/bin/env bash
# `npm test`: typecheck, unit and integration tests, then the browser suite against a production build.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Fail fast when the native SQLite module did not build.
node -e "require('better-sqlite3')(':memory:')"
echo "== typecheck"
npx tsc --noEmit
# The build comes before vitest: the server tests (shutdown, limits, load and crash in short form)
# start server.mjs on it.
echo "== build"
npx remix vite:build
echo "== vitest"
npx vitest run
echo "== playwright"
bash scripts/ensure-chromium.sh
npx playwright test
