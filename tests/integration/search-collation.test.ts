// Sorting by a name column uses Bulgarian collation: the stored sort_key orders every demo
// organization and person exactly as Intl.Collator('bg') does, so SQL can sort by index.
import { asc } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { organizations, people } from "#app/db/schema.ts";
import { sortKey } from "#app/lib/transliterate.ts";

const bulgarian = new Intl.Collator("bg", { ignorePunctuation: true });

describe("Bulgarian alphabetical order of names", () => {
  it("ORDER BY sort_key equals Intl.Collator('bg', {ignorePunctuation}) on all demo organization names", () => {
    const names = getDb().select({ name: organizations.name }).from(organizations).orderBy(asc(organizations.sortKey), asc(organizations.id)).all().map((r) => r.name);
    expect(names.length).toBeGreaterThan(50);
    expect(names).toEqual([...names].sort(bulgarian.compare));
  });

  it("ORDER BY sort_key equals Intl.Collator('bg', {ignorePunctuation}) on all demo people names", () => {
    const names = getDb().select({ name: people.name }).from(people).orderBy(asc(people.sortKey), asc(people.id)).all().map((r) => r.name);
    expect(names.length).toBeGreaterThan(70);
    expect(names).toEqual([...names].sort(bulgarian.compare));
  });

  it("the stored key is the one sortKey() computes (no row escaped the derived columns)", () => {
    for (const table of [organizations, people]) {
      for (const row of getDb().select({ name: table.name, sortKey: table.sortKey }).from(table).all()) expect(row.sortKey, row.name).toBe(sortKey(row.name));
    }
  });
});
