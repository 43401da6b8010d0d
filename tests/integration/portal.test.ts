// The partner portal: what a partner sees, the progress updates and evidence they post, the
// shared follow-ups they complete, and every forged or oversized post refused and audited.
import fs from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { auditEntries, commitments, commitmentUpdates, evidenceFiles, followUps, users } from "#app/db/schema.ts";
import { makeTranslate } from "#app/i18n/i18n.ts";
import * as evidenceRoute from "#app/routes/evidence.$id.ts";
import * as partnerUpdatesRoute from "#app/routes/partner-updates.tsx";
import * as profileRoute from "#app/routes/profile.tsx";
import * as sharedRoute from "#app/routes/shared.tsx";
import * as commitmentRoute from "#app/routes/shared_.commitments.$id.tsx";
import * as followUpRoute from "#app/routes/shared_.follow-ups.$id.tsx";
import { call, demo, type DemoRecord, type DemoUser, idOf, latestAudit, userIdOf } from "#tests/helpers.ts";

const db = () => getDb();
const commitmentOf = (record: DemoRecord) => db().select().from(commitments).where(eq(commitments.id, idOf(record))).get()!;
const followUpOf = (record: DemoRecord) => db().select().from(followUps).where(eq(followUps.id, idOf(record))).get()!;
const commitmentRow = (id: number) => db().select().from(commitments).where(eq(commitments.id, id)).get()!;
const followUpRow = (id: number) => db().select().from(followUps).where(eq(followUps.id, id)).get()!;
const updateCount = () => db().select({ n: sql<number>`count(*)` }).from(commitmentUpdates).get()!.n;
const evidenceCount = () => db().select({ n: sql<number>`count(*)` }).from(evidenceFiles).get()!.n;
const storedFiles = () => (fs.existsSync(process.env.UPLOAD_DIR!) ? fs.readdirSync(process.env.UPLOAD_DIR!) : []);

const pdf = fs.readFileSync(path.resolve("tests/fixtures/evidence.pdf"));

// Столична община leads five: four shared (the kindergartens' status self-reported), the language courses
// jointly with Червен кръст; the social services strategy is not shared.
const kindergartens = () => commitmentOf(demo.commitments.sofiaKindergartens); // led by Sofia, shared, only Sofia
const infoCenter = () => commitmentOf(demo.commitments.sofiaInfoCenter); // led by Sofia, shared
const jointLanguage = () => commitmentOf(demo.commitments.sofiaRedcrossLanguage); // Sofia + Червен кръст
const sofiaNotShared = () => commitmentOf(demo.commitments.sofiaStrategy);
const redCrossShared = () => commitmentOf(demo.commitments.redcrossHealth);

function updateForm(fields: Record<string, string>, file?: { bytes: Uint8Array | Buffer; name: string; type?: string }) {
  const form = new FormData();
  form.set("intent", "update");
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.set("evidenceFile", new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? "application/pdf" }));
  return form;
}

function postUpdate(commitmentId: number, form: FormData, as: DemoUser | null = "partnerSofia") {
  return call(commitmentRoute, "action", { path: `/shared/commitments/${commitmentId}`, params: { id: String(commitmentId) }, as, form });
}

function auditsOf(action: string, entityType: string, entityId: number) {
  return db()
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.action, action), eq(auditEntries.entityType, entityType), eq(auditEntries.entityId, entityId)))
    .all();
}

describe("/shared: what a partner sees", () => {
  it("partner sees their organization, its shared commitments as lead or co-pledger, and follow-ups shared with it", async () => {
    const { status, data } = await call(sharedRoute, "loader", { path: "/shared", as: "partnerSofia" });
    expect(status).toBe(200);
    expect(data.organization.id).toBe(idOf(demo.organizations.sofiaMunicipality));
    const ids = data.commitments.map((c: { id: number }) => c.id);
    expect(ids).toEqual(expect.arrayContaining([infoCenter().id, jointLanguage().id, kindergartens().id]));
    expect(ids).not.toContain(sofiaNotShared().id);
    expect(ids).not.toContain(redCrossShared().id);
    const kg = data.commitments.find((c: { id: number }) => c.id === kindergartens().id);
    expect(kg.statusVerified).toBe(false); // the seeded self-report
    expect(kg.timeline.length).toBeGreaterThan(0);
    const sharedWithSofia = db().select().from(followUps).where(eq(followUps.sharedWithOrganizationId, idOf(demo.organizations.sofiaMunicipality))).all();
    expect(data.followUps.map((f: { id: number }) => f.id).sort()).toEqual(sharedWithSofia.map((f) => f.id).sort());
    // Open first, and the overdue open one is flagged.
    const statuses: string[] = data.followUps.map((f: { status: string }) => f.status);
    expect(statuses.indexOf("open")).toBe(0);
    expect(statuses.lastIndexOf("open")).toBeLessThan(statuses.findIndex((s) => s !== "open"));
    expect(data.followUps.find((f: { id: number }) => f.id === idOf(demo.followUps.memorandumMinutes)).overdue).toBe(true);
  });

  it("the co-pledger sees the joint commitment too, the partner of another organization not the lead's own", async () => {
    const { data } = await call(sharedRoute, "loader", { path: "/shared", as: "partnerRedCross" });
    const ids = data.commitments.map((c: { id: number }) => c.id);
    expect(ids).toContain(jointLanguage().id);
    expect(ids).not.toContain(kindergartens().id);
  });

  it("staff are not partners: /shared is 403 for them", async () => {
    expect((await call(sharedRoute, "loader", { path: "/shared", as: "coordinator" })).status).toBe(403);
  });

  it("partner gets 404 for another organization's commitment and for their own unshared one", async () => {
    for (const c of [redCrossShared(), sofiaNotShared()]) {
      const r = await call(commitmentRoute, "loader", { path: `/shared/commitments/${c.id}`, params: { id: String(c.id) }, as: "partnerSofia" });
      expect(r.status).toBe(404);
    }
  });
});

describe("posting a progress update", () => {
  it("a partner's update with a PDF is stored self-reported and its proposed status stays unverified", async () => {
    const c = jointLanguage();
    const before = commitmentRow(c.id);
    expect(before).toMatchObject({ status: "in_progress", statusVerified: true });
    const filesBefore = storedFiles().length;
    const r = await postUpdate(c.id, updateForm({ note: "Отчет за 2026: 412 посещения.", proposedStatus: "fulfilled", commitmentId: String(c.id) }, { bytes: pdf, name: "отчет-2026.pdf" }));
    expect(r.status).toBe(302);
    const update = db().select().from(commitmentUpdates).where(eq(commitmentUpdates.commitmentId, c.id)).orderBy(sql`id DESC`).get()!;
    expect(update).toMatchObject({
      authorId: userIdOf("partnerSofia"),
      partnerOrganizationId: idOf(demo.organizations.sofiaMunicipality),
      statusChange: "fulfilled",
      verifiedAt: null,
    });
    const after = commitmentRow(c.id);
    expect(after.status).toBe("fulfilled");
    expect(after.statusVerified).toBe(false);
    expect(after.version).toBe(before.version + 1);
    const file = db().select().from(evidenceFiles).where(eq(evidenceFiles.id, update.evidenceFileId!)).get()!;
    expect(file).toMatchObject({ originalName: "отчет-2026.pdf", mimeType: "application/pdf", size: pdf.length });
    expect(storedFiles().length).toBe(filesBefore + 1);
    expect(file.storageName).not.toContain("pdf");
    expect(auditsOf("create", "commitment_update", update.id)).toHaveLength(1);
    expect(JSON.parse(auditsOf("update", "commitment", c.id).at(-1)!.changes!)).toEqual({ status: ["in_progress", "fulfilled"], statusVerified: [true, false] });
  });

  it("the note is required and a bad link is refused, with the typed values kept", async () => {
    const c = infoCenter();
    const count = updateCount();
    const r = await postUpdate(c.id, updateForm({ note: "  ", evidenceUrl: "javascript:alert(1)" }));
    expect(r.status).toBe(400);
    expect(r.data.errors.note).toEqual(["required"]);
    expect(r.data.errors.evidenceUrl).toEqual(["invalidUrl"]);
    expect(r.data.values.evidenceUrl).toBe("javascript:alert(1)");
    expect(updateCount()).toBe(count);
  });
});

describe("forged posts are refused and audited", () => {
  it("another commitment's id in the hidden input → 404, audited as forbidden, nothing written", async () => {
    const own = kindergartens();
    const count = updateCount();
    const r = await postUpdate(own.id, updateForm({ note: "x", commitmentId: String(redCrossShared().id) }));
    expect(r.status).toBe(404);
    expect(updateCount()).toBe(count);
    const audit = latestAudit();
    expect(audit).toMatchObject({ action: "forbidden", entityType: "commitment", entityId: own.id, userId: userIdOf("partnerSofia") });
    expect(JSON.parse(audit.detail!)).toMatchObject({ field: "commitmentId", value: String(redCrossShared().id) });
  });

  it("another organization's id in a hidden input → 404, audited", async () => {
    const own = kindergartens();
    const count = updateCount();
    const redCross = String(idOf(demo.organizations.redCross));
    const r = await postUpdate(own.id, updateForm({ note: "x", organizationId: redCross }));
    expect(r.status).toBe(404);
    expect(updateCount()).toBe(count);
    expect(JSON.parse(latestAudit().detail!)).toMatchObject({ field: "organizationId", value: redCross });
  });

  it("posting to a commitment out of reach (URL id) → 404, audited", async () => {
    const other = redCrossShared();
    const count = updateCount();
    const r = await postUpdate(other.id, updateForm({ note: "x" }));
    expect(r.status).toBe(404);
    expect(updateCount()).toBe(count);
    expect(latestAudit()).toMatchObject({ action: "forbidden", entityType: "commitment", entityId: other.id });
  });

  for (const status of ["pledged", "withdrawn", "<script>"]) {
    it(`a status a partner may not set (${status}) → 400 with a message, audited as refused`, async () => {
      const own = kindergartens();
      const before = commitmentRow(own.id);
      const count = updateCount();
      const r = await postUpdate(own.id, updateForm({ note: "Оттегляме се.", proposedStatus: status }));
      expect(r.status).toBe(400);
      expect(r.data.errors.proposedStatus).toEqual(["statusNotAllowed"]);
      expect(r.data.values.note).toBe("Оттегляме се.");
      expect(updateCount()).toBe(count);
      expect(commitmentRow(own.id)).toEqual(before);
      expect(latestAudit()).toMatchObject({ action: "refused", entityType: "commitment", entityId: own.id });
      expect(JSON.parse(latestAudit().detail!)).toMatchObject({ field: "proposedStatus", value: status });
    });
  }

  it("a field the form does not have (e.g. authorId) → 400, audited as refused", async () => {
    const own = kindergartens();
    const r = await postUpdate(own.id, updateForm({ note: "x", authorId: String(userIdOf("admin")) }));
    expect(r.status).toBe(400);
    expect(latestAudit()).toMatchObject({ action: "refused" });
  });
});

describe("upload limits", () => {
  const t = { bg: makeTranslate("bg"), en: makeTranslate("en") };

  const cases: Array<{ name: string; file: { bytes: Uint8Array; name: string; type?: string }; error: string }> = [
    { name: "an 11 MB file", file: { bytes: new Uint8Array(11 * 1024 * 1024).fill(0x25), name: "big.pdf" }, error: "evidenceTooLarge" },
    {
      name: "an .exe renamed .pdf",
      file: { bytes: Uint8Array.from([...Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "latin1"), ...new Uint8Array(512)]), name: "report.pdf" },
      error: "evidenceType",
    },
    { name: "an empty file", file: { bytes: new Uint8Array(0), name: "empty.pdf" }, error: "evidenceEmpty" },
    { name: "an HTML page named .png", file: { bytes: new TextEncoder().encode("<html><script>alert(1)</script></html>"), name: "x.png", type: "image/png" }, error: "evidenceType" },
  ];

  for (const c of cases) {
    it(`${c.name} is refused with a clear message and nothing is stored`, async () => {
      const own = kindergartens();
      const before = { updates: updateCount(), evidence: evidenceCount(), files: storedFiles().length };
      const r = await postUpdate(own.id, updateForm({ note: "С приложение" }, c.file));
      expect(r.status).toBe(400);
      expect(r.data.errors.evidenceFile).toEqual([c.error]);
      expect({ updates: updateCount(), evidence: evidenceCount(), files: storedFiles().length }).toEqual(before);
      // The message exists in both languages (not the bare key).
      expect(t.bg(`errors.${c.error}` as never)).not.toContain("errors.");
      expect(t.en(`errors.${c.error}` as never)).not.toContain("errors.");
    });
  }

  it("an empty file input (no file chosen) is not an error", async () => {
    const own = kindergartens();
    const form = updateForm({ note: "Без приложение" });
    form.set("evidenceFile", new File([], "", { type: "application/octet-stream" }));
    const r = await postUpdate(own.id, form);
    expect(r.status).toBe(302);
  });
});

describe("serving evidence", () => {
  async function uploadOn(commitmentId: number) {
    const r = await postUpdate(commitmentId, updateForm({ note: "Доказателство" }, { bytes: pdf, name: "доказателство.pdf" }));
    expect(r.status).toBe(302);
    return db().select().from(commitmentUpdates).where(eq(commitmentUpdates.commitmentId, commitmentId)).orderBy(sql`id DESC`).get()!.evidenceFileId!;
  }
  const fetchAs = (id: number, as: DemoUser | null) => call(evidenceRoute, "loader", { path: `/evidence/${id}`, params: { id: String(id) }, as });

  it("the uploader and staff open it in the browser (a PDF: inline, sandboxed, nosniff) with its stored type", async () => {
    const id = await uploadOn(kindergartens().id);
    for (const who of ["partnerSofia", "coordinator", "manager"] as const) {
      const r = await fetchAs(id, who);
      expect(r.status).toBe(200);
      expect(r.response!.headers.get("Content-Type")).toBe("application/pdf");
      expect(r.response!.headers.get("Content-Disposition")).toMatch(/^inline;/);
      expect(r.response!.headers.get("Content-Security-Policy")).toMatch(/sandbox/);
      expect(r.response!.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(Buffer.from(await r.response!.arrayBuffer()).equals(pdf)).toBe(true);
    }
  });

  it("another partner gets 404 and a signed-out user is sent to sign in", async () => {
    const id = await uploadOn(kindergartens().id);
    expect((await fetchAs(id, "partnerRedCross")).status).toBe(404);
    const anonymous = await fetchAs(id, null);
    expect(anonymous.status).toBe(302);
    expect(anonymous.response!.headers.get("Location")).toMatch(/^\/login/);
  });

  it("the co-pledger of a joint commitment may read its evidence", async () => {
    const id = await uploadOn(jointLanguage().id);
    expect((await fetchAs(id, "partnerRedCross")).status).toBe(200);
  });
});

describe("shared follow-ups: done and reopen", () => {
  const sharedOpen = () => followUpOf(demo.followUps.kindergartenEnrolmentData); // shared with Sofia, open
  const path = (id: number) => ({ path: `/shared/follow-ups/${id}`, params: { id: String(id) } });

  it("a partner marks a shared follow-up done with a note, and reopens it; both audited", async () => {
    const f = sharedOpen();
    const done = await call(followUpRoute, "action", { ...path(f.id), as: "partnerSofia", form: { intent: "complete", version: String(f.version), completionNote: "Таблицата е изпратена." } });
    expect(done.status).toBe(302);
    const after = followUpRow(f.id);
    expect(after).toMatchObject({ status: "done", completedById: userIdOf("partnerSofia"), completionNote: "Таблицата е изпратена.", title: f.title, dueOn: f.dueOn, assigneeId: f.assigneeId });
    expect(after.completedAt).toBeTruthy();
    expect(auditsOf("complete", "follow_up", f.id)).toHaveLength(1);
    // Staff see it among partner completions.
    const staff = await call(partnerUpdatesRoute, "loader", { path: "/partner-updates", as: "coordinator" });
    expect(staff.data.completions.map((c: { id: number }) => c.id)).toContain(f.id);

    const reopened = await call(followUpRoute, "action", { ...path(f.id), as: "partnerSofia", form: { intent: "reopen", version: String(after.version) } });
    expect(reopened.status).toBe(302);
    expect(followUpRow(f.id)).toMatchObject({ status: "open", completedAt: null, completedById: null, completionNote: null });
    expect(auditsOf("reopen", "follow_up", f.id)).toHaveLength(1);
  });

  it("forged fields (title, assignee, due date) are refused and audited, nothing changes", async () => {
    const f = sharedOpen();
    const r = await call(followUpRoute, "action", {
      ...path(f.id),
      as: "partnerSofia",
      form: { intent: "complete", version: String(f.version), title: "Сменено", assigneeId: String(userIdOf("partnerSofia")), dueOn: "2099-01-01" },
    });
    expect(r.status).toBe(400);
    expect(followUpRow(f.id)).toEqual(f);
    expect(latestAudit()).toMatchObject({ action: "refused", entityType: "follow_up", entityId: f.id });
  });

  it("another organization in a hidden input, or a follow-up not shared with them → 404, audited", async () => {
    const f = sharedOpen();
    const r = await call(followUpRoute, "action", {
      ...path(f.id),
      as: "partnerSofia",
      form: { intent: "complete", version: String(f.version), sharedWithOrganizationId: String(idOf(demo.organizations.redCross)) },
    });
    expect(r.status).toBe(404);
    expect(followUpRow(f.id)).toEqual(f);
    expect(latestAudit()).toMatchObject({ action: "forbidden", entityType: "follow_up", entityId: f.id });

    const internal = followUpOf(demo.followUps.referralsReview);
    const r2 = await call(followUpRoute, "action", { ...path(internal.id), as: "partnerSofia", form: { intent: "complete", version: String(internal.version) } });
    expect(r2.status).toBe(404);
    expect(followUpRow(internal.id)).toEqual(internal);
    expect(latestAudit()).toMatchObject({ action: "forbidden", entityType: "follow_up", entityId: internal.id });
    expect((await call(followUpRoute, "loader", { ...path(internal.id), as: "partnerSofia" })).status).toBe(404);
  });

  it("a stale version is refused with a message", async () => {
    const f = sharedOpen();
    const r = await call(followUpRoute, "action", { ...path(f.id), as: "partnerSofia", form: { intent: "complete", version: String(f.version + 5) } });
    expect(r.status).toBe(409);
    expect(followUpRow(f.id)).toEqual(f);
  });
});

describe("staff: partner updates and verification", () => {
  it("lists partner updates unverified first, then newest first; partners cannot see it", async () => {
    const { status, data } = await call(partnerUpdatesRoute, "loader", { path: "/partner-updates", as: "manager" });
    expect(status).toBe(200);
    const rows: Array<{ verifiedAt: string | null; createdAt: string }> = data.updates;
    expect(rows.length).toBeGreaterThan(1);
    const firstVerified = rows.findIndex((r) => r.verifiedAt);
    expect(rows.slice(firstVerified === -1 ? rows.length : firstVerified).every((r) => r.verifiedAt)).toBe(true);
    const unverified = rows.filter((r) => !r.verifiedAt).map((r) => r.createdAt);
    expect(unverified).toEqual([...unverified].sort().reverse());
    expect((await call(partnerUpdatesRoute, "loader", { path: "/partner-updates", as: "partnerSofia" })).status).toBe(404);
  });

  it("a coordinator verifies a proposed fulfilment and the commitment's status becomes verified; managers and partners may not", async () => {
    const c = kindergartens();
    expect(c.statusVerified).toBe(false);
    const update = db()
      .select()
      .from(commitmentUpdates)
      .where(and(eq(commitmentUpdates.commitmentId, c.id), eq(commitmentUpdates.statusChange, "fulfilled")))
      .orderBy(sql`id DESC`)
      .get()!;
    const form = { intent: "verify", updateId: String(update.id) };
    expect((await call(partnerUpdatesRoute, "action", { path: "/partner-updates", as: "manager", form })).status).toBe(403);
    expect((await call(partnerUpdatesRoute, "action", { path: "/partner-updates", as: "partnerSofia", form })).status).toBe(404);
    const r = await call(partnerUpdatesRoute, "action", { path: "/partner-updates", as: "coordinator", form });
    expect(r.status).toBe(302);
    const after = db().select().from(commitmentUpdates).where(eq(commitmentUpdates.id, update.id)).get()!;
    expect(after.verifiedById).toBe(userIdOf("coordinator"));
    expect(after.verifiedAt).toBeTruthy();
    expect(commitmentRow(c.id)).toMatchObject({ status: "fulfilled", statusVerified: true, version: c.version + 1 });
    expect(auditsOf("verify", "commitment_update", update.id)).toHaveLength(1);
    expect(auditsOf("verify", "commitment", c.id)).toHaveLength(1);
    expect((await call(partnerUpdatesRoute, "action", { path: "/partner-updates", as: "coordinator", form })).status).toBe(409);
  });
});

describe("partner's own account", () => {
  it("a partner changes their own language and password on /profile, linked from /shared", async () => {
    const me = userIdOf("partnerSofia");
    expect((await call(profileRoute, "loader", { path: "/profile", as: "partnerSofia" })).status).toBe(200);
    const lang = await call(profileRoute, "action", { path: "/profile", as: "partnerSofia", form: { intent: "language", locale: "en" } });
    expect(lang.status).toBe(302);
    expect(db().select().from(users).where(eq(users.id, me)).get()!.locale).toBe("en");
    const hashBefore = db().select().from(users).where(eq(users.id, me)).get()!.passwordHash;
    const pw = await call(profileRoute, "action", {
      path: "/profile",
      as: "partnerSofia",
      form: { intent: "password", currentPassword: "forum2021", password: "нова-парола-2026" },
    });
    expect(pw.status).toBe(302);
    expect(db().select().from(users).where(eq(users.id, me)).get()!.passwordHash).not.toBe(hashBefore);
  });
});
