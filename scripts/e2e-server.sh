#!/usr/bin/env bash
# The server Playwright tests against: a fresh demo database, the production build.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_PATH="${DATABASE_PATH:-data/e2e.sqlite}"
rm -f "$DATABASE_PATH" "$DATABASE_PATH-wal" "$DATABASE_PATH-shm"
node_modules/.bin/tsx scripts/seed-demo.ts
export NODE_ENV=production SESSION_SECRET="e2e-session-secret-not-for-production" REQUEST_LOG=off
exec node server.mjs
