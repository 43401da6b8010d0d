// Issue 17 point 2: a search ranks exact name matches first, then names that start with the query
// (in either script), then the rest; a sort chosen in the URL still wins.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { organizationKeys, personKeys } from "#app/db/derived.ts";
import { organizations, people } from "#app/db/schema.ts";
import * as choicesRoute from "#app/routes/choices.$kind.ts";
import * as organizationsList from "#app/routes/organizations._index.tsx";
import * as peopleList from "#app/routes/people._index.tsx";
import { call } from "#tests/helpers.ts";

const names = (result: any): string[] => result.rows.map((r: any) => r.name);
const list = async (route: any, path: string) => (await call(route, "loader", { path, as: "manager" })).response!.json();

beforeAll(() => {
  const db = getDb();
  // «Зора»: a Latin exact match (sorts last by name), a Cyrillic prefix match and two others,
  // one shorter than the prefix match (pickers used to put shorter names first).
  for (const name of ["Читалище Зора", "Ел Зора", "Зора Център", "Zora"]) {
    const o = { name };
    db.insert(organizations).values({ ...o, kind: "ngo", ...organizationKeys(o) }).run();
  }
  for (const name of ["Ана Ралиева", "Ралица Ралева", "Рали"]) {
    const p = { name };
    db.insert(people).values({ ...p, ...personKeys(p) }).run();
  }
});

describe("search ranking", () => {
  it("«Столична» and «Stolichna» put Столична община first in the organizations list", async () => {
    for (const q of ["Столична", "Stolichna"]) {
      const result = await list(organizationsList, `/organizations?q=${encodeURIComponent(q)}`);
      expect(result.total).toBeGreaterThan(25);
      expect(names(result)[0]).toBe("Столична община");
    }
  });

  it("exact, then prefix (either script), then the rest; the rest by name", async () => {
    for (const q of ["Зора", "zora"]) {
      const result = await list(organizationsList, `/organizations?q=${encodeURIComponent(q)}`);
      expect(names(result)).toEqual(["Zora", "Зора Център", "Ел Зора", "Читалище Зора"]);
    }
  });

  it("a chosen sort wins over the ranking", async () => {
    const byName = await list(organizationsList, `/organizations?q=${encodeURIComponent("Зора")}&sort=name`);
    expect(names(byName)).toEqual(["Ел Зора", "Зора Център", "Читалище Зора", "Zora"]);
    const stolichna = await list(organizationsList, `/organizations?q=${encodeURIComponent("Столична")}&sort=name`);
    expect(names(stolichna)[0]).not.toBe("Столична община");
  });

  it("the people list ranks the same way", async () => {
    const result = await list(peopleList, `/people?q=${encodeURIComponent("Рали")}`);
    const found = names(result);
    expect(found[0]).toBe("Рали");
    const firstOther = found.findIndex((n) => !n.startsWith("Рали"));
    expect(found).toContain("Ралица Ралева");
    expect(firstOther).toBeGreaterThan(found.indexOf("Ралица Ралева"));
    expect(found.slice(firstOther).every((n) => !n.startsWith("Рали"))).toBe(true);
    expect(found).toContain("Ана Ралиева");
  });

  it("pickers rank exact, then prefix, then the rest", async () => {
    const found = await call(choicesRoute, "loader", { path: `/choices/organizations?q=${encodeURIComponent("Зора")}`, params: { kind: "organizations" }, as: "coordinator" });
    expect(found.data.choices.map((c: any) => c.label)).toEqual(["Zora", "Зора Център", "Ел Зора", "Читалище Зора"]);
    const stolichna = await call(choicesRoute, "loader", { path: `/choices/organizations?q=${encodeURIComponent("Stolichna")}`, params: { kind: "organizations" }, as: "coordinator" });
    expect(stolichna.data.choices[0].label).toBe("Столична община");
  });
});
