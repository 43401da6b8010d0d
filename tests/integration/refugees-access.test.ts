// Refugee contacts are BCRM staff's only: the access matrix of every refugee route and action,
// and the places where refugee data could leak to a partner (events, organizations, search).
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { organizations } from "#app/db/schema.ts";
import * as eventRefugeesRoute from "#app/routes/events.$id.refugees.tsx";
import * as eventDetailRoute from "#app/routes/events.$id._index.tsx";
import * as orgDetailRoute from "#app/routes/organizations.$id._index.tsx";
import * as orgListRoute from "#app/routes/organizations._index.tsx";
import * as detailRoute from "#app/routes/refugees.$id._index.tsx";
import * as editRoute from "#app/routes/refugees.$id.edit.tsx";
import * as eraseRoute from "#app/routes/refugees.$id.erase.tsx";
import * as listRoute from "#app/routes/refugees._index.tsx";
import * as newRoute from "#app/routes/refugees.new.tsx";
import { search } from "#app/models/search.server.ts";
import { navigationFor } from "#app/server/navigation.server.ts";
import { call, demo, idOf, sessionCookieFor, type DemoUser } from "#tests/helpers.ts";
import {
  addParticipantRow,
  forum2021,
  forum2026,
  freshConsent,
  freshContact,
  refugeeId,
  refugeeRow,
  refugeeWriteSnapshot,
  SEED_REFUGEE_NAMES,
} from "./refugees-helpers.ts";

type Who = DemoUser | "anonymous";
const everyone: Who[] = ["admin", "manager", "coordinator", "partnerSofia", "partnerRedCross", "anonymous"];
const READ = { admin: 200, manager: 200, coordinator: 200, partnerSofia: 404, partnerRedCross: 404, anonymous: 302 };
const WRITE_PAGE = { admin: 200, manager: 403, coordinator: 200, partnerSofia: 404, partnerRedCross: 404, anonymous: 302 };
const WRITE = { admin: 302, manager: 403, coordinator: 302, partnerSofia: 404, partnerRedCross: 404, anonymous: 302 };

const validContact = { name: "Рания Т.", languages: "арабски", countryOfOrigin: "Сирия", contactChannel: "phone", contactValue: "+359 88 000 1111", notes: "" };

type Case = {
  name: string;
  expected: Record<Who, number>;
  /** Records the case needs, created before the "nothing written" snapshot. */
  prepare?: () => Record<string, number>;
  run: (as: DemoUser | null, fixture: Record<string, number>) => ReturnType<typeof call>;
};

const cases: Case[] = [
  { name: "GET /refugees", expected: READ, run: (as) => call(listRoute, "loader", { path: "/refugees", as }) },
  { name: "GET /refugees/new", expected: WRITE_PAGE, run: (as) => call(newRoute, "loader", { path: "/refugees/new", as }) },
  { name: "POST /refugees/new", expected: WRITE, run: (as) => call(newRoute, "action", { path: "/refugees/new", as, form: validContact }) },
  {
    name: "GET /refugees/:id",
    expected: READ,
    prepare: () => ({ id: refugeeId("Ахмад Р.") }),
    run: (as, { id }) => call(detailRoute, "loader", { path: `/refugees/${id}`, params: { id: String(id) }, as }),
  },
  {
    name: "POST /refugees/:id addConsent",
    expected: WRITE,
    prepare: () => ({ id: refugeeId("Хамид Н.") }),
    run: (as, { id }) =>
      call(detailRoute, "action", {
        path: `/refugees/${id}`, params: { id: String(id) }, as,
        form: { intent: "addConsent", givenOn: "2026-01-05", purposes: ["forum_participation"], legalBasis: "explicit_consent" },
      }),
  },
  {
    name: "POST /refugees/:id withdraw",
    expected: WRITE,
    prepare: () => {
      const contact = freshContact([]);
      return { id: contact.id, consentId: freshConsent(contact.id).id };
    },
    run: (as, { id, consentId }) =>
      call(detailRoute, "action", { path: `/refugees/${id}`, params: { id: String(id) }, as, form: { intent: "withdraw", consentId: String(consentId) } }),
  },
  {
    name: "GET /refugees/:id/edit",
    expected: WRITE_PAGE,
    prepare: () => ({ id: refugeeId("Олена К.") }),
    run: (as, { id }) => call(editRoute, "loader", { path: `/refugees/${id}/edit`, params: { id: String(id) }, as }),
  },
  {
    name: "POST /refugees/:id/edit",
    expected: WRITE,
    prepare: () => ({ id: refugeeId("Олена К.") }),
    run: (as, { id }) => {
      const r = refugeeRow(id);
      return call(editRoute, "action", {
        path: `/refugees/${id}/edit`, params: { id: String(id) }, as,
        form: { name: r.name, languages: `${r.languages}, български`, countryOfOrigin: r.countryOfOrigin ?? "", contactChannel: r.contactChannel ?? "", contactValue: r.contactValue ?? "", notes: r.notes ?? "", version: String(r.version) },
      });
    },
  },
  {
    name: "GET /refugees/:id/erase",
    expected: WRITE_PAGE,
    prepare: () => ({ id: refugeeId("Олена К.") }),
    run: (as, { id }) => call(eraseRoute, "loader", { path: `/refugees/${id}/erase`, params: { id: String(id) }, as }),
  },
  {
    name: "POST /refugees/:id/erase",
    expected: WRITE,
    prepare: () => ({ id: freshContact().id }),
    run: (as, { id }) => call(eraseRoute, "action", { path: `/refugees/${id}/erase`, params: { id: String(id) }, as, form: { confirm: "on" } }),
  },
  {
    name: "GET /events/:id/refugees",
    expected: READ,
    prepare: () => ({ eventId: forum2021() }),
    run: (as, { eventId }) => call(eventRefugeesRoute, "loader", { path: `/events/${eventId}/refugees`, params: { id: String(eventId) }, as }),
  },
  {
    name: "POST /events/:id/refugees add",
    expected: WRITE,
    prepare: () => ({ eventId: forum2026(), contactId: freshContact(["forum_participation"]).id }),
    run: (as, { eventId, contactId }) =>
      call(eventRefugeesRoute, "action", {
        path: `/events/${eventId}/refugees`, params: { id: String(eventId) }, as,
        form: { intent: "add", refugeeContactId: String(contactId), role: "speaker" },
      }),
  },
  {
    name: "POST /events/:id/refugees remove",
    expected: WRITE,
    prepare: () => {
      const contact = freshContact(["forum_participation"]);
      return { eventId: forum2026(), participantId: addParticipantRow(forum2026(), contact.id).id };
    },
    run: (as, { eventId, participantId }) =>
      call(eventRefugeesRoute, "action", {
        path: `/events/${eventId}/refugees`, params: { id: String(eventId) }, as,
        form: { intent: "remove", participantId: String(participantId) },
      }),
  },
];

describe("refugee routes: access matrix (staff only; partners get 404 and write nothing)", () => {
  for (const c of cases) {
    for (const who of everyone) {
      const expected = c.expected[who];
      it(`${c.name} as ${who} → ${expected}`, async () => {
        const as = who === "anonymous" ? null : who;
        if (as) await sessionCookieFor(as); // signed in beforehand: the snapshot sees only the call
        const fixture = c.prepare?.() ?? {};
        const before = refugeeWriteSnapshot();
        const outcome = await c.run(as, fixture);
        expect(outcome.status).toBe(expected);
        if (expected !== 200 && expected !== 302) expect(refugeeWriteSnapshot()).toBe(before);
        if (who === "anonymous") {
          expect(outcome.response?.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
          expect(refugeeWriteSnapshot()).toBe(before);
        }
        if (expected === 404) expect(outcome.data).toBeNull();
      });
    }
  }
});

describe("no refugee data where a partner could see it", () => {
  const names = () => SEED_REFUGEE_NAMES;
  const containsRefugeeData = (data: unknown) => {
    const text = JSON.stringify(data ?? null);
    return names().filter((n) => text.includes(n));
  };

  it("the header shows the refugee list to staff only", async () => {
    const nav = (who: DemoUser) => navigationFor({ id: 0, email: "", name: "", role: who === "admin" ? "admin" : who === "manager" ? "manager" : who === "coordinator" ? "coordinator" : "partner", organizationId: who.startsWith("partner") ? 17 : null, locale: "bg" });
    expect(nav("coordinator").map((i) => i.href)).toContain("/refugees");
    expect(nav("manager").map((i) => i.href)).toContain("/refugees");
    expect(nav("partnerSofia").map((i) => i.href)).not.toContain("/refugees");
  });

  it("event page: a partner gets 404; staff see refugee participants only in the refugee section's data", async () => {
    const eventId = forum2021();
    const partner = await call(eventDetailRoute, "loader", { path: `/events/${eventId}`, params: { id: String(eventId) }, as: "partnerSofia" });
    expect(partner.status).toBe(404);
    expect(partner.data).toBeNull();

    const coordinator = await call(eventDetailRoute, "loader", { path: `/events/${eventId}`, params: { id: String(eventId) }, as: "coordinator" });
    expect(coordinator.status).toBe(200);
    const { refugeeParticipants, ...rest } = coordinator.data as Record<string, unknown>;
    expect(containsRefugeeData(rest)).toEqual([]);
    const section = refugeeParticipants as { participants: unknown[]; candidates: unknown[] };
    expect(containsRefugeeData(section.participants).sort()).toEqual(["Ахмад Р.", "Амина Х.", "Карим С."].sort());

    const manager = await call(eventDetailRoute, "loader", { path: `/events/${eventId}`, params: { id: String(eventId) }, as: "manager" });
    expect((manager.data as { refugeeParticipants: { canWrite: boolean; candidates: unknown[] } }).refugeeParticipants.canWrite).toBe(false);
    expect((manager.data as { refugeeParticipants: { candidates: unknown[] } }).refugeeParticipants.candidates).toEqual([]);
  });

  it("organization pages never carry refugee data, for any role", async () => {
    const orgIds = getDb().select({ id: organizations.id }).from(organizations).all().map((o) => o.id);
    for (const who of ["admin", "manager", "coordinator"] as const) {
      const list = await call(orgListRoute, "loader", { path: "/organizations?perPage=100", as: who });
      expect(containsRefugeeData(list.data)).toEqual([]);
      for (const id of orgIds) {
        const detail = await call(orgDetailRoute, "loader", { path: `/organizations/${id}`, params: { id: String(id) }, as: who });
        expect(detail.status).toBe(200);
        expect(containsRefugeeData(detail.data)).toEqual([]);
      }
    }
    const sofia = idOf(demo.organizations.sofiaMunicipality);
    const own = await call(orgDetailRoute, "loader", { path: `/organizations/${sofia}`, params: { id: String(sofia) }, as: "partnerSofia" });
    expect(own.status).toBe(200);
    expect(containsRefugeeData(own.data)).toEqual([]);
  });

  it("search finds refugee contacts for staff and never for a partner", () => {
    const coordinator = { id: idOf(demo.users.coordinator), email: "coordinator@bcrm.demo", name: "c", role: "coordinator" as const, organizationId: null, locale: "bg" as const };
    const partner = { id: idOf(demo.users.partnerSofia), email: "partner@sofia.demo", name: "p", role: "partner" as const, organizationId: idOf(demo.organizations.sofiaMunicipality), locale: "bg" as const };
    expect(JSON.stringify(search(coordinator, "Ахмад"))).toContain("Ахмад Р.");
    for (const q of ["Ахмад", "Amina", "Карим", "Фатима", "Сирия"]) {
      const { groups } = search(partner, q);
      expect(JSON.stringify(groups)).not.toMatch(/Ахмад|Амина|Карим|Фатима|\/refugees/);
    }
  });
});
