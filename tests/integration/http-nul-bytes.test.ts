// The production server streams Cyrillic pages without NUL bytes. React 18.3.1's streaming
// renderer put them at 2,048-byte boundaries (react issue 24985; patches/react-dom+18.3.1.patch):
// 352 of them over the demo's detail and edit pages. Every such page is fetched here.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startDemoServer } from "../../scripts/lib/prod-server.ts";

let server: Awaited<ReturnType<typeof startDemoServer>>;
let cookie: string;

beforeAll(async () => {
  server = await startDemoServer();
  cookie = await signIn(server.url, "admin@bcrm.demo");
});
afterAll(async () => {
  await server?.cleanup();
});

/** Every detail and edit page of the demo, and each list at its largest page. */
function demoPages(): string[] {
  const db = new Database(server.databasePath, { readonly: true });
  const ids = (table: string) => (db.prepare(`select id from ${table} order by id`).all() as Array<{ id: number }>).map((r) => r.id);
  const pages: string[] = [];
  const kinds: Array<[string, string, boolean]> = [
    ["organizations", "organizations", true],
    ["people", "people", true],
    ["events", "events", true],
    ["partnerships", "partnerships", true],
    ["commitments", "commitments", true],
    ["follow_ups", "follow-ups", true],
    ["refugee_contacts", "refugees", true],
    ["interactions", "interactions", false],
  ];
  for (const [table, path, hasDetail] of kinds) {
    if (hasDetail) pages.push(`/${path}?perPage=100`);
    for (const id of ids(table)) {
      if (hasDetail) pages.push(`/${path}/${id}`);
      pages.push(`/${path}/${id}/edit`);
    }
  }
  db.close();
  return pages;
}

describe("no NUL byte on the wire", () => {
  it("in any detail, edit or list page of the demo", async () => {
    const pages = demoPages();
    expect(pages.length).toBeGreaterThan(400);
    const withNul: string[] = [];
    let bytes = 0;
    // A few at a time: the server renders each page whole.
    for (let i = 0; i < pages.length; i += 4) {
      await Promise.all(
        pages.slice(i, i + 4).map(async (page) => {
          const response = await fetch(`${server.url}${page}`, { headers: { Cookie: cookie, "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/140" } });
          expect(response.status, page).toBe(200);
          const body = Buffer.from(await response.arrayBuffer());
          bytes += body.length;
          if (body.includes(0)) withNul.push(`${page} at byte ${body.indexOf(0)}`);
        }),
      );
    }
    // Enough Cyrillic went through to cross thousands of 2,048-byte boundaries.
    expect(bytes).toBeGreaterThan(5_000_000);
    expect(withNul).toEqual([]);
  }, 180_000);
});
