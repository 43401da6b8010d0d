// The access matrix for every organization route and action, per DESIGN.md roles.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { organizations } from "#app/db/schema.ts";
import * as detailRoute from "#app/routes/organizations.$id._index.tsx";
import * as editRoute from "#app/routes/organizations.$id.edit.tsx";
import * as listRoute from "#app/routes/organizations._index.tsx";
import * as newRoute from "#app/routes/organizations.new.tsx";
import { call, demo, type DemoUser, idOf } from "#tests/helpers.ts";

// Each role creates the same organization again: past the likely-duplicate warning (issue 17).
const validForm = { name: "Фондация „Тест“", kind: "ngo", oblast: "BG-16", confirmDuplicates: "1" };

type Expect = Record<DemoUser | "anonymous", number>;
// 200 read, 302 written and redirected, 403 staff beyond their role, 404 partner outside their reach.
const STAFF_WRITE: Partial<Expect> = { admin: 302, coordinator: 302, manager: 403, partnerSofia: 404, anonymous: 302 };

const everyone: Array<DemoUser | "anonymous"> = ["admin", "manager", "coordinator", "partnerSofia", "anonymous"];

describe("organization routes: access matrix", () => {
  const other = () => idOf(demo.organizations.redCross);
  const own = () => idOf(demo.organizations.sofiaMunicipality);

  const cases: Array<{ name: string; run: (as: DemoUser | null) => ReturnType<typeof call>; expected: Partial<Expect> }> = [
    { name: "GET /organizations", run: (as) => call(listRoute, "loader", { path: "/organizations", as }),
      expected: { admin: 200, manager: 200, coordinator: 200, partnerSofia: 404, anonymous: 302 } },
    { name: "GET /organizations/new", run: (as) => call(newRoute, "loader", { path: "/organizations/new", as }),
      expected: { admin: 200, manager: 403, coordinator: 200, partnerSofia: 404, anonymous: 302 } },
    { name: "POST /organizations/new", run: (as) => call(newRoute, "action", { path: "/organizations/new", as, form: validForm }),
      expected: STAFF_WRITE },
    { name: "GET /organizations/:other", run: (as) => call(detailRoute, "loader", { path: `/organizations/${other()}`, params: { id: String(other()) }, as }),
      expected: { admin: 200, manager: 200, coordinator: 200, partnerSofia: 404, anonymous: 302 } },
    { name: "GET /organizations/:own (partner's own)", run: (as) => call(detailRoute, "loader", { path: `/organizations/${own()}`, params: { id: String(own()) }, as }),
      expected: { admin: 200, manager: 200, coordinator: 200, partnerSofia: 200, anonymous: 302 } },
    { name: "POST /organizations/:other archive", run: (as) => {
        const version = getDb().select().from(organizations).where(eq(organizations.id, other())).get()!.version;
        return call(detailRoute, "action", { path: `/organizations/${other()}`, params: { id: String(other()) }, as, form: { intent: "archive", version: String(version) } });
      },
      expected: STAFF_WRITE },
    { name: "POST /organizations/:own archive (partner's own)", run: (as) => {
        const version = getDb().select().from(organizations).where(eq(organizations.id, own())).get()!.version;
        return call(detailRoute, "action", { path: `/organizations/${own()}`, params: { id: String(own()) }, as, form: { intent: "unarchive", version: String(version) } });
      },
      expected: STAFF_WRITE },
    { name: "GET /organizations/:other/edit", run: (as) => call(editRoute, "loader", { path: `/organizations/${other()}/edit`, params: { id: String(other()) }, as }),
      expected: { admin: 200, manager: 403, coordinator: 200, partnerSofia: 404, anonymous: 302 } },
    { name: "GET /organizations/:own/edit", run: (as) => call(editRoute, "loader", { path: `/organizations/${own()}/edit`, params: { id: String(own()) }, as }),
      expected: { admin: 200, manager: 403, coordinator: 200, partnerSofia: 404, anonymous: 302 } },
    { name: "POST /organizations/:other/edit", run: (as) => {
        const o = getDb().select().from(organizations).where(eq(organizations.id, other())).get()!;
        return call(editRoute, "action", { path: `/organizations/${other()}/edit`, params: { id: String(other()) }, as,
          form: { name: o.name, kind: o.kind, oblast: o.oblast ?? "", version: String(o.version) } });
      },
      expected: STAFF_WRITE },
  ];

  for (const c of cases) {
    for (const who of everyone) {
      const expected = c.expected[who];
      if (expected === undefined) continue;
      it(`${c.name} as ${who} → ${expected}`, async () => {
        const outcome = await c.run(who === "anonymous" ? null : who);
        expect(outcome.status).toBe(expected);
        if (who === "anonymous") expect(outcome.response?.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
      });
    }
  }

  it("a partner opening another organization's id gets 404, also for an id that does not exist", async () => {
    for (const id of [other(), 999_999]) {
      const outcome = await call(detailRoute, "loader", { path: `/organizations/${id}`, params: { id: String(id) }, as: "partnerSofia" });
      expect(outcome.status).toBe(404);
    }
  });

  it("a malformed id is 404, not an error", async () => {
    for (const id of ["abc", "-1", "1.5", "0", "99999999999999999999"]) {
      const outcome = await call(detailRoute, "loader", { path: `/organizations/${id}`, params: { id }, as: "admin" });
      expect(outcome.status).toBe(404);
    }
  });
});
