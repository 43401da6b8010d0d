// The archived-status filter (active / archived / all) is one component, ArchivedFilter in
// ListPage.tsx: every list whose records can be archived shows it, and none writes its own select.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { archivedStates } from "../domain/fields.ts";
import { organizationListSpec } from "../domain/organization.ts";
import { personListSpec } from "../domain/person.ts";

const routesDir = path.resolve(import.meta.dirname, "../routes");
const routeSources = fs
  .readdirSync(routesDir)
  .filter((f) => f.endsWith(".tsx") && !f.endsWith(".test.tsx"))
  .map((f) => ({ file: f, source: fs.readFileSync(path.join(routesDir, f), "utf8") }));

describe("one archived-status filter", () => {
  it("the lists of archivable records filter by the one set of states", () => {
    expect(archivedStates).toEqual(["active", "archived", "all"]);
    expect(organizationListSpec.filters.archived.options).toEqual([...archivedStates]);
    expect(personListSpec.filters.archived.options).toEqual([...archivedStates]);
  });

  it("the organizations and people lists use ArchivedFilter, and no route writes its own archived select", () => {
    const users = routeSources.filter((r) => /<ArchivedFilter\b/.test(r.source)).map((r) => r.file).sort();
    expect(users).toEqual(["organizations._index.tsx", "people._index.tsx"]);
    expect(routeSources.length).toBeGreaterThan(50);
    const ownSelects = routeSources.filter((r) => /<select[^>]*name=["{]?"?archived\b/.test(r.source)).map((r) => r.file);
    expect(ownSelects).toEqual([]);
  });
});
