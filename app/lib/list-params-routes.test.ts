// Every list reads its paging from the URL through parseListParams (list-params.ts): the same
// clamping for every page number, whatever the list. This scan refuses a route that reads
// page, perPage, sort or dir from the URL by hand.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const routesDir = path.resolve(import.meta.dirname, "../routes");
/** The import's row pages are not a record list (no sort, no per-page choice); left as they are. */
const notAList = new Set(["imports.$id.tsx"]);

/** Places in a route's source that read a list parameter from the URL without parseListParams. */
export function ownPagingReads(source: string): string[] {
  return [...source.matchAll(/\.get\(\s*["'](page|perPage|sort|dir)["']\s*\)/g)].map((m) => m[0]);
}

describe("lists read their paging through list-params.ts", () => {
  it("the detector finds a hand-read page (so an empty result below means something)", () => {
    expect(ownPagingReads(`pageParam.parse(new URL(request.url).searchParams.get("page") ?? 1)`)).toHaveLength(1);
    expect(ownPagingReads(`url.searchParams.get('perPage')`)).toHaveLength(1);
    expect(ownPagingReads(`const { page } = parseListParams(new URL(request.url), spec);`)).toEqual([]);
  });

  it("no route but the import's rows reads page, perPage, sort or dir itself; the partner updates and the outbox use parseListParams", () => {
    const files = fs.readdirSync(routesDir).filter((f) => /\.tsx?$/.test(f) && !/\.test\./.test(f));
    expect(files.length).toBeGreaterThan(50);
    const source = (f: string) => fs.readFileSync(path.join(routesDir, f), "utf8");
    const offenders = files.filter((f) => !notAList.has(f)).flatMap((f) => ownPagingReads(source(f)).map((hit) => `${f}: ${hit}`));
    expect(offenders).toEqual([]);
    for (const f of ["partner-updates.tsx", "admin.outbox.tsx"]) expect(source(f)).toMatch(/parseListParams\(/);
  });
});
