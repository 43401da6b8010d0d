// The route files in app/routes and the URL each serves, found at test time, for the tests that
// walk every route (scale-bad-input in-process, http-bad-body over HTTP).
import fs from "node:fs";
import path from "node:path";

export const routesDir = path.resolve("app/routes");

/** Every route module file (tests excluded), sorted. */
export const routeFiles: string[] = fs
  .readdirSync(routesDir)
  .filter((f) => /\.(tsx?|jsx?)$/.test(f) && !/\.test\./.test(f))
  .sort();

/** Remix v2 flat routes: `organizations.$id.edit.tsx` → /organizations/:id/edit. */
export function urlPatternOf(file: string): { pattern: string; params: string[] } {
  const base = file.replace(/\.(tsx?|jsx?)$/, "");
  const params: string[] = [];
  const segments = base
    .split(/\.(?![^[]*\])/)
    .filter((s) => s !== "_index" && !(s.startsWith("_") && !s.startsWith("_index")))
    .map((s) => s.replace(/_$/, "").replace(/\[(.*?)\]/g, "$1"))
    .map((s) => {
      if (s.startsWith("$")) {
        params.push(s.slice(1) || "*");
        return `:${s.slice(1) || "*"}`;
      }
      return s;
    })
    .filter(Boolean);
  return { pattern: `/${segments.join("/")}`, params };
}

export function routeSource(file: string): string {
  return fs.readFileSync(path.join(routesDir, file), "utf8");
}

/** Whether the route module exports an action (read from its source, so nothing is imported). */
export function exportsAction(file: string): boolean {
  return /export\s+(?:async\s+)?function\s+action\b|export\s+const\s+action\b|export\s*\{[^}]*\baction\b/.test(routeSource(file));
}

export function fillPattern(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/:(\w+|\*)/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
}
