// Issue 17 point 10: words that read naturally — «със» before с/з, dates in select options as the
// user writes dates, one name for the organization in each language, and a partner's past-due
// commitments flagged like its tasks.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { commitments } from "#app/db/schema.ts";
import { dictionaries, makeTranslate, withName, withPrepositionS } from "#app/i18n/i18n.ts";
import { eventChoices } from "#app/models/link-choices.server.ts";
import { getPortalOverview } from "#app/models/partner-portal.server.ts";
import * as commitmentsList from "#app/routes/commitments._index.tsx";
import * as sharedRoute from "#app/routes/shared.tsx";
import { call } from "#tests/helpers.ts";
import { actingAs } from "./record-fixtures.ts";

describe("«с» or «със»", () => {
  it("«със» before с and з (either script), «с» otherwise", () => {
    expect(withPrepositionS("Столична община")).toBe("със");
    expect(withPrepositionS("Зона за бежанци")).toBe("със");
    expect(withPrepositionS("„Сдружение Мост“")).toBe("със");
    expect(withPrepositionS("Sofia Pride")).toBe("със");
    expect(withPrepositionS("Община Пловдив")).toBe("с");
    expect(withPrepositionS("Български Червен кръст")).toBe("с");
    const t = makeTranslate("bg");
    expect(t("shared.title", { withOrganization: withName("bg", "Столична община") })).toBe("Споделено със Столична община");
    expect(t("shared.title", { withOrganization: withName("bg", "Община Пловдив") })).toBe("Споделено с Община Пловдив");
    expect(makeTranslate("en")("shared.title", { withOrganization: withName("en", "Sofia") })).toBe("Shared with Sofia");
  });

  it("the portal's heading for Столична община says «със»", async () => {
    const outcome = await call(sharedRoute, "loader", { path: "/shared", as: "partnerSofia" });
    const data = await outcome.response!.json();
    expect(data.organization.name).toBe("Столична община");
    expect(makeTranslate("bg")("shared.title", { withOrganization: withName("bg", data.organization.name) })).toBe("Споделено със Столична община");
  });
});

describe("the organization's name", () => {
  it("is «БСБМ» everywhere in Bulgarian and «BCRM» everywhere in English", () => {
    const bg = Object.entries(dictionaries.bg).filter(([, v]) => v.includes("BCRM"));
    const en = Object.entries(dictionaries.en).filter(([, v]) => v.includes("БСБМ"));
    expect(bg).toEqual([]);
    expect(en).toEqual([]);
    expect(Object.values(dictionaries.bg).filter((v) => v.includes("БСБМ")).length).toBeGreaterThan(5);
  });
});

describe("dates in select options", () => {
  it("event choices show the date as the user writes it, never ISO", async () => {
    const bg = eventChoices("bg");
    expect(bg.length).toBeGreaterThan(0);
    for (const c of bg) {
      expect(c.label).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(c.label).toMatch(/\(\d{2}\.\d{2}\.\d{4}\)$/);
    }
    expect(eventChoices("en")[0]!.label).toMatch(/\(\d{2}\/\d{2}\/\d{4}\)$/);
    const list = await (await call(commitmentsList, "loader", { path: "/commitments", as: "coordinator" })).response!.json();
    expect(list.events.length).toBeGreaterThan(0);
    expect(list.events.every((e: any) => !/\d{4}-\d{2}-\d{2}/.test(e.label))).toBe(true);
  });
});

describe("the partner portal", () => {
  it("flags a shared commitment past its due date like an overdue task; a fulfilled one is not flagged", () => {
    const partner = actingAs("partnerSofia");
    const shared = getPortalOverview(partner).commitments;
    expect(shared.length).toBeGreaterThan(1);
    const [late, done] = shared;
    getDb().update(commitments).set({ dueOn: "2020-01-31", status: "in_progress" }).where(eq(commitments.id, late!.id)).run();
    getDb().update(commitments).set({ dueOn: "2020-01-31", status: "fulfilled" }).where(eq(commitments.id, done!.id)).run();
    const after = getPortalOverview(partner).commitments;
    expect(after.find((c) => c.id === late!.id)!.overdue).toBe(true);
    expect(after.find((c) => c.id === done!.id)!.overdue).toBe(false);
  });
});
