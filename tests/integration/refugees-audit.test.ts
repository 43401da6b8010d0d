// Every view and every change of a refugee contact is audited; admins see the access history.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { auditEntries, refugeeContacts, users } from "#app/db/schema.ts";
import * as detailRoute from "#app/routes/refugees.$id._index.tsx";
import * as editRoute from "#app/routes/refugees.$id.edit.tsx";
import * as eraseRoute from "#app/routes/refugees.$id.erase.tsx";
import * as newRoute from "#app/routes/refugees.new.tsx";
import { auditCount, call, latestAudit, userIdOf } from "#tests/helpers.ts";
import { freshContact, refugeeId, refugeeRow, refugeeWriteSnapshot } from "./refugees-helpers.ts";

const auditOf = (id: number) =>
  getDb()
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.entityType, "refugee_contact"), eq(auditEntries.entityId, id)))
    .orderBy(auditEntries.id)
    .all();

const editForm = (r: typeof refugeeContacts.$inferSelect, changes: Record<string, string>) => ({
  name: r.name,
  languages: r.languages ?? "",
  countryOfOrigin: r.countryOfOrigin ?? "",
  contactChannel: r.contactChannel ?? "",
  contactValue: r.contactValue ?? "",
  notes: r.notes ?? "",
  version: String(r.version),
  ...changes,
});

describe("audit of refugee contacts", () => {
  it("a view of a refugee record writes an audit entry (who, when, which record), each time", async () => {
    const id = refugeeId("Ахмад Р.");
    const before = auditCount();
    const first = await call(detailRoute, "loader", { path: `/refugees/${id}`, params: { id: String(id) }, as: "manager" });
    expect(first.status).toBe(200);
    const entry = latestAudit();
    expect(entry).toMatchObject({ action: "view", entityType: "refugee_contact", entityId: id, userId: userIdOf("manager"), ip: "127.0.0.1" });
    expect(entry.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await call(detailRoute, "loader", { path: `/refugees/${id}`, params: { id: String(id) }, as: "coordinator" });
    expect(auditCount()).toBe(before + 2);
    expect(latestAudit()).toMatchObject({ action: "view", entityId: id, userId: userIdOf("coordinator") });
  });

  it("opening the edit form is a view too", async () => {
    const id = refugeeId("Олена К.");
    await call(editRoute, "loader", { path: `/refugees/${id}/edit`, params: { id: String(id) }, as: "coordinator" });
    expect(latestAudit()).toMatchObject({ action: "view", entityId: id });
  });

  it("an edit writes one audit entry with the changed fields only", async () => {
    const r = refugeeRow(refugeeId("Карим С."));
    const before = auditCount();
    const outcome = await call(editRoute, "action", {
      path: `/refugees/${r.id}/edit`, params: { id: String(r.id) }, as: "coordinator",
      form: editForm(r, { languages: "кюрдски, арабски, турски, български", contactChannel: "phone" }),
    });
    expect(outcome.status).toBe(302);
    expect(auditCount()).toBe(before + 1);
    const entry = latestAudit();
    expect(entry).toMatchObject({ action: "update", entityType: "refugee_contact", entityId: r.id, userId: userIdOf("coordinator") });
    expect(JSON.parse(entry.changes!)).toEqual({
      languages: ["кюрдски, арабски, турски", "кюрдски, арабски, турски, български"],
      contactChannel: ["signal", "phone"],
    });
    expect(refugeeRow(r.id).version).toBe(r.version + 1);
  });

  it("creating a contact writes a create entry and lands on its page", async () => {
    const outcome = await call(newRoute, "action", {
      path: "/refugees/new", as: "coordinator",
      form: { name: "Наргис Ф.", languages: "дари", countryOfOrigin: "", contactChannel: "", contactValue: "", notes: "" },
    });
    expect(outcome.status).toBe(302);
    const created = getDb().select().from(refugeeContacts).where(eq(refugeeContacts.name, "Наргис Ф.")).get()!;
    expect(outcome.response!.headers.get("Location")).toBe(`/refugees/${created.id}`);
    expect(latestAudit()).toMatchObject({ action: "create", entityType: "refugee_contact", entityId: created.id });
    expect(created.searchKey).toContain("nargis");
  });

  it("bad input is refused with messages beside the fields, values kept, nothing written", async () => {
    const before = refugeeWriteSnapshot();
    const outcome = await call(newRoute, "action", {
      path: "/refugees/new", as: "coordinator",
      form: { name: "  ", languages: "x".repeat(301), contactChannel: "pigeon", contactValue: "=HYPERLINK(\"http://x\")", notes: "<script>alert(1)</script>" },
    });
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors).toMatchObject({ name: ["required"], languages: ["tooLong:300"], contactChannel: ["invalidChoice"] });
    expect(outcome.data.values.notes).toBe("<script>alert(1)</script>");
    expect(refugeeWriteSnapshot()).toBe(before);

    const noChannel = await call(newRoute, "action", { path: "/refugees/new", as: "coordinator", form: { name: "Али", contactValue: "+359 88 111 2222" } });
    expect(noChannel.status).toBe(400);
    expect(noChannel.data.errors).toEqual({ contactChannel: ["required"] });
  });

  it("a stale edit writes nothing and shows the saved values", async () => {
    const r = refugeeRow(refugeeId("Ахмад Р."));
    const before = refugeeWriteSnapshot();
    const outcome = await call(editRoute, "action", {
      path: `/refugees/${r.id}/edit`, params: { id: String(r.id) }, as: "coordinator",
      form: editForm(r, { notes: "нова бележка", version: String(r.version - 1 || 99) }),
    });
    expect(outcome.status).toBe(409);
    expect(outcome.data.stale.notes).toBe(r.notes);
    expect(refugeeWriteSnapshot()).toBe(before);
  });

  it("the access history is shown to admins only", async () => {
    const id = refugeeId("Хамид Н.");
    await call(detailRoute, "loader", { path: `/refugees/${id}`, params: { id: String(id) }, as: "manager" });
    const admin = await call(detailRoute, "loader", { path: `/refugees/${id}`, params: { id: String(id) }, as: "admin" });
    const history = admin.data.history as Array<{ action: string; userName: string; at: string }>;
    const managerName = getDb().select().from(users).where(eq(users.id, userIdOf("manager"))).get()!.name;
    expect(history[0]).toMatchObject({ action: "view", userName: getDb().select().from(users).where(eq(users.id, userIdOf("admin"))).get()!.name });
    expect(history.filter((h) => h.action === "view").map((h) => h.userName)).toContain(managerName);
    expect(history.length).toBe(auditOf(id).length);
    for (const who of ["manager", "coordinator"] as const) {
      const other = await call(detailRoute, "loader", { path: `/refugees/${id}`, params: { id: String(id) }, as: who });
      expect(other.data.history).toEqual([]);
    }
  });

  it("an erased contact cannot be edited: the form redirects and a save is refused with nothing written", async () => {
    const contact = freshContact();
    const erased = await call(eraseRoute, "action", { path: `/refugees/${contact.id}/erase`, params: { id: String(contact.id) }, as: "admin", form: { confirm: "on" } });
    expect(erased.status).toBe(302);
    const page = await call(editRoute, "loader", { path: `/refugees/${contact.id}/edit`, params: { id: String(contact.id) }, as: "coordinator" });
    expect(page.status).toBe(302);
    expect(page.response!.headers.get("Location")).toBe(`/refugees/${contact.id}`);
    const r = refugeeRow(contact.id);
    const before = refugeeWriteSnapshot();
    const save = await call(editRoute, "action", {
      path: `/refugees/${contact.id}/edit`, params: { id: String(contact.id) }, as: "coordinator",
      form: editForm(r, { name: "Възстановено име" }),
    });
    expect(save.status).toBe(409);
    expect(refugeeWriteSnapshot()).toBe(before);
  });
});
