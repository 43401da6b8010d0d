// app/lib/ holds only pure helpers: code that runs the same in the browser, a script or a test,
// with no request, no database, no file system and no access rules. Server-only plumbing (HTTP
// helpers, navigation, form reading, the request context, file modes) lives in app/server/
// (docs/decisions/021-app-server-for-request-plumbing.md). This test fails on a *.server.ts file
// in app/lib/ or on a lib module importing anything server-only.
import { builtinModules } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const appDir = path.resolve(import.meta.dirname, "..");
const libDir = path.join(appDir, "lib");

/** Packages that only run on the server. */
const serverPackages = ["@remix-run/node", "@remix-run/server-runtime", "better-sqlite3", "drizzle-orm", "nodemailer", "@remix-run/form-data-parser"];
/** Folders of app/ whose modules are server-only as a whole. */
const serverFolders = ["auth", "db", "models", "server"];

function libFiles(dir = libDir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return libFiles(file);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** Every module a source imports or re-exports (static and dynamic). */
function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;'"]*?\bfrom\s*["']([^"']+)["']/g)) found.push(m[1]!);
  for (const m of source.matchAll(/(?:^|\n)\s*import\s*["']([^"']+)["']/g)) found.push(m[1]!);
  for (const m of source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) found.push(m[1]!);
  return found;
}

/** Why an import of `spec` from `file` is server-only, or null when it is fine for a pure helper. */
export function serverOnly(file: string, spec: string): string | null {
  if (/\.server(\.[jt]sx?)?$/.test(spec)) return "a .server module";
  const bare = spec.replace(/^node:/, "").split("/")[0]!;
  if (spec.startsWith("node:") || builtinModules.includes(bare)) return "a Node built-in";
  if (serverPackages.some((p) => spec === p || spec.startsWith(`${p}/`))) return "a server package";
  const target = spec.startsWith("#app/") ? path.join(appDir, spec.slice(5)) : spec.startsWith(".") ? path.resolve(path.dirname(file), spec) : null;
  if (target) {
    const folder = path.relative(appDir, target).split(path.sep)[0]!;
    if (serverFolders.includes(folder)) return `app/${folder}/`;
  }
  return null;
}

function problemsOf(file: string, source: string): string[] {
  const where = path.relative(appDir, file);
  const problems = /\.server\.[jt]sx?$/.test(file) ? [`${where}: a .server file in lib/`] : [];
  for (const spec of importsOf(source)) {
    const why = serverOnly(file, spec);
    if (why) problems.push(`${where} imports ${spec} (${why})`);
  }
  return problems;
}

describe("app/lib/ holds only pure helpers", () => {
  const sample = path.join(libDir, "sample.ts");

  it("the check catches each kind of server-only import and file (so an empty result below means something)", () => {
    expect(problemsOf(sample, `import type { CurrentUser } from "../auth/access.server.ts";`)).toHaveLength(1);
    expect(problemsOf(sample, `import { getDb } from "#app/db/client.server.ts";`)).toHaveLength(1);
    expect(problemsOf(sample, `import { createHash } from "node:crypto";`)).toHaveLength(1);
    expect(problemsOf(sample, `import fs from "fs";`)).toHaveLength(1);
    expect(problemsOf(sample, `import { json } from "@remix-run/node";`)).toHaveLength(1);
    expect(problemsOf(sample, `export { readForm } from "../server/read-form.server.ts";`)).toHaveLength(1);
    expect(problemsOf(sample, `const m = await import("../models/search.server.ts");`)).toHaveLength(1);
    expect(problemsOf(sample, `import { x } from "../server/util.ts";`)).toHaveLength(1);
    expect(problemsOf(path.join(libDir, "http.server.ts"), "export const x = 1;")).toHaveLength(1);
    expect(problemsOf(sample, `import { z } from "zod";\nimport type { Locale } from "../domain/enums.ts";\nimport { searchKey } from "./transliterate.ts";`)).toEqual([]);
  });

  it("no file in app/lib/ is a .server module or imports one, a Node built-in, a server package or app/{auth,db,models,server}/", () => {
    const files = libFiles();
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(files.flatMap((f) => problemsOf(f, fs.readFileSync(f, "utf8")))).toEqual([]);
  });

  it("the request plumbing that left lib/ is in app/server/", () => {
    for (const name of ["http", "navigation", "read-form", "private-files", "request-context"]) {
      expect(fs.existsSync(path.join(appDir, "server", `${name}.server.ts`)), name).toBe(true);
      expect(fs.existsSync(path.join(libDir, `${name}.server.ts`)), name).toBe(false);
    }
  });
});
