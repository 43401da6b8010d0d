// Partner users hear when BCRM starts sharing an item with their organization (outbox without SMTP).
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { commitments, outbox, users } from "#app/db/schema.ts";
import * as commitmentEdit from "#app/routes/commitments.$id.edit.tsx";
import * as followUpEdit from "#app/routes/follow-ups.$id.edit.tsx";
import * as followUpNew from "#app/routes/follow-ups.new.tsx";
import { call, demo, idOf } from "#tests/helpers.ts";

const SOFIA = idOf(demo.organizations.sofiaMunicipality);
const RED_CROSS = idOf(demo.organizations.redCross);
const noticesTo = (email: string) =>
  getDb().select().from(outbox).innerJoin(users, eq(users.id, outbox.userId)).where(eq(users.email, email)).all()
    .filter((r) => r.outbox.kind === "shared_notice");

describe("sharing notices", () => {
  it("a follow-up created as shared with Столична община notifies its partner users, and no one else", async () => {
    const before = { sofia: noticesTo("partner@sofia.demo").length, redCross: noticesTo("partner@redcross.demo").length };
    const title = "Среща за общинския план — споделено";
    const created = await call(followUpNew, "action", {
      path: "/follow-ups/new",
      as: "coordinator",
      form: { title, dueOn: "2026-12-15", status: "open", sharedWithOrganizationId: String(SOFIA) },
    });
    expect(created.status).toBe(302);
    const sofia = noticesTo("partner@sofia.demo");
    expect(sofia).toHaveLength(before.sofia + 1);
    expect(sofia.at(-1)!.outbox.bodyText).toContain(title);
    expect(noticesTo("partner@redcross.demo")).toHaveLength(before.redCross);

    // Saving it again without changing who it is shared with sends nothing more.
    const id = created.response!.headers.get("Location")!.split("/").pop()!;
    const again = await call(followUpEdit, "action", {
      path: `/follow-ups/${id}/edit`, params: { id }, as: "coordinator",
      form: { title, dueOn: "2026-12-16", status: "open", sharedWithOrganizationId: String(SOFIA), version: "1" },
    });
    expect(again.status).toBe(302);
    expect(noticesTo("partner@sofia.demo")).toHaveLength(before.sofia + 1);
  });

  it("a commitment that becomes shared notifies the lead and the co-pledging organizations", async () => {
    // The social services strategy is led by Столична община and not shared; share it and add Червен кръст as co-pledger.
    const strategy = idOf(demo.commitments.sofiaStrategy);
    const c = getDb().select().from(commitments).where(eq(commitments.id, strategy)).get()!;
    expect(c.sharedWithPartner).toBe(false);
    const before = { sofia: noticesTo("partner@sofia.demo").length, redCross: noticesTo("partner@redcross.demo").length };
    const outcome = await call(commitmentEdit, "action", {
      path: `/commitments/${strategy}/edit`, params: { id: String(strategy) }, as: "coordinator",
      form: {
        title: c.title, leadOrganizationId: String(c.leadOrganizationId), coPledgerIds: String(RED_CROSS),
        eventId: c.eventId ? String(c.eventId) : "", partnershipId: c.partnershipId ? String(c.partnershipId) : "",
        niemDimension: c.niemDimension, kind: c.kind, dueOn: c.dueOn ?? "", ownerId: c.ownerId ? String(c.ownerId) : "",
        sharedWithPartner: "on", description: c.description ?? "", version: String(c.version),
      },
    });
    expect(outcome.status).toBe(302);
    expect(noticesTo("partner@sofia.demo")).toHaveLength(before.sofia + 1);
    expect(noticesTo("partner@redcross.demo")).toHaveLength(before.redCross + 1);
  });
});
