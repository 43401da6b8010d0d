// The lifecycle table (app/domain/commitment-lifecycle.ts) walked cell by cell over HTTP against the
// production server: for every (actor, from, to) the test sets the commitment's status (and the
// reports a cell needs) straight in the server's own database, makes the request a user makes, and
// checks that the outcome is the table's — the new status and its verification, or the refusal with
// its message. Then the ways a commitment is born (form, import, carry-over) and the verify/return chain.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitmentDerived } from "#app/db/derived.ts";
import {
  carriableStatuses,
  decideTransition,
  initialStatus,
  statusActorNames,
  type Outcome,
  type StatusActor,
} from "#app/domain/commitment-lifecycle.ts";
import { commitmentStatuses, type CommitmentStatus } from "#app/domain/enums.ts";
import { makeTranslate, type MessageKey } from "#app/i18n/i18n.ts";
import { signIn, startDemoServer } from "../../scripts/lib/prod-server.ts";
import { demo, demoId } from "../demo-handles.ts";

type Server = Awaited<ReturnType<typeof startDemoServer>>;
let server: Server;
let db: Database.Database;
const cookies: Record<"coordinator" | "partner" | "manager", string> = { coordinator: "", partner: "", manager: "" };
let commitmentId = 0;
let laterForumId = 0;
let partnerUserId = 0;
let coordinatorId = 0;
let sofiaId = 0;

const t = makeTranslate("bg");
/** The message as the page shows it (React escapes these five characters). */
const shown = (key: MessageKey) => t(key).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

const one = <T>(query: string, ...params: unknown[]) => db.prepare(query).get(...params) as T;
const row = () => one<{ status: CommitmentStatus; status_verified: number; version: number }>("SELECT status, status_verified, version FROM commitments WHERE id = ?", commitmentId);

beforeAll(async () => {
  server = await startDemoServer();
  db = new Database(server.databasePath);
  db.pragma("busy_timeout = 5000");
  cookies.coordinator = await signIn(server.url, "coordinator@bcrm.demo");
  cookies.partner = await signIn(server.url, "partner@sofia.demo");
  cookies.manager = await signIn(server.url, "manager@bcrm.demo");
  sofiaId = demoId(db, demo.organizations.sofiaMunicipality);
  partnerUserId = one<{ id: number }>("SELECT id FROM users WHERE email = 'partner@sofia.demo'").id;
  coordinatorId = one<{ id: number }>("SELECT id FROM users WHERE email = 'coordinator@bcrm.demo'").id;
  const forums = db.prepare("SELECT id FROM events WHERE kind = 'national_forum' ORDER BY starts_on, id").all() as Array<{ id: number }>;
  laterForumId = forums[1].id;
  // The test's own commitment: led by Столична община, shared with it, made at the first forum edition.
  const title = "Ангажимент на таблицата на жизнения цикъл";
  const keys = commitmentDerived({ title, niemDimension: "housing" });
  commitmentId = one<{ id: number }>(
    `INSERT INTO commitments (title, sort_key, search_key, lead_organization_id, event_id, niem_dimension, niem_area, kind, shared_with_partner)
     VALUES (?, ?, ?, ?, ?, 'housing', ?, 'policy', 1) RETURNING id`,
    title, keys.sortKey, keys.searchKey, sofiaId, forums[0].id, keys.niemArea,
  ).id;
}, 120_000);

afterAll(async () => {
  db?.close();
  await server?.cleanup();
});

/** A fresh start for one cell: the commitment in `status`, no timeline, nothing carried over from it. */
function setStatus(status: CommitmentStatus, verified: boolean) {
  db.prepare("DELETE FROM commitments WHERE carried_over_from_id = ?").run(commitmentId);
  db.prepare("DELETE FROM commitment_updates WHERE commitment_id = ?").run(commitmentId);
  db.prepare("UPDATE commitments SET status = ?, status_verified = ? WHERE id = ?").run(status, verified ? 1 : 0, commitmentId);
}

function addUpdate(values: { by: "staff" | "partner"; status: CommitmentStatus | null; at: Date; note?: string }): number {
  const partner = values.by === "partner";
  return one<{ id: number }>(
    `INSERT INTO commitment_updates (commitment_id, author_id, partner_organization_id, note, status_change, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
    commitmentId, partner ? partnerUserId : coordinatorId, partner ? sofiaId : null, values.note ?? "Запис за теста", values.status, values.at.toISOString(),
  ).id;
}

async function post(path: string, fields: Record<string, string>, cookie: string, multipart = false) {
  let body: FormData | URLSearchParams;
  if (multipart) {
    body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
  } else body = new URLSearchParams(fields);
  const response = await fetch(`${server.url}${path}`, { method: "POST", headers: { Cookie: cookie, Origin: server.url }, body, redirect: "manual" });
  return { status: response.status, html: await response.text() };
}

/** What one actor's request looks like, after the cell's own set-up. */
const requests: Record<StatusActor, (from: CommitmentStatus, to: CommitmentStatus) => Promise<{ status: number; html: string; reportId?: number }>> = {
  staffUpdate: async (from, to) => {
    setStatus(from, false); // resting on a partner's self-report: an update with the same status confirms it
    return post(`/commitments/${commitmentId}`, { intent: "addUpdate", note: "Актуализация от BCRM", statusChange: to }, cookies.coordinator);
  },
  partnerReport: async (from, to) => {
    setStatus(from, true);
    const fields = { intent: "update", commitmentId: String(commitmentId), note: "Доклад на партньора", proposedStatus: to };
    return post(`/shared/commitments/${commitmentId}`, fields, cookies.partner, true);
  },
  verify: async (from, to) => {
    // The partner reported `to`; the status now is `from` (the report's own, or a later change's).
    setStatus(from, false);
    const reportId = addUpdate({ by: "partner", status: to, at: new Date() });
    return { ...(await post("/partner-updates", { intent: "verify", updateId: String(reportId) }, cookies.coordinator)), reportId };
  },
  return: async (from, to) => {
    // BCRM had set `to`; then the partner reported `from`, which the status rests on now.
    setStatus(from, false);
    addUpdate({ by: "staff", status: to, at: new Date(Date.now() - 60_000) });
    const reportId = addUpdate({ by: "partner", status: from, at: new Date() });
    const fields = { intent: "return", updateId: String(reportId), reason: "Липсва доказателство за броя на семействата." };
    return { ...(await post("/partner-updates", fields, cookies.coordinator)), reportId };
  },
  reopen: async (from, to) => {
    setStatus(from, true);
    return post(`/commitments/${commitmentId}`, { intent: "reopen", status: to, reason: "Общината поднови програмата." }, cookies.coordinator);
  },
};

const refusedStatus: Record<StatusActor, number> = { staffUpdate: 400, partnerReport: 400, verify: 409, return: 409, reopen: 400 };

function describeOutcome(outcome: Outcome) {
  return outcome.allowed ? `allowed (${outcome.verification}${outcome.needsReason ? ", with a reason" : ""})` : `refused: ${outcome.refusal}`;
}

describe("every cell of the lifecycle table, over HTTP", () => {
  for (const actor of statusActorNames) {
    for (const from of commitmentStatuses) {
      for (const to of commitmentStatuses) {
        const outcome = decideTransition(actor, from, to);
        it(`${actor}: ${from} → ${to} is ${describeOutcome(outcome)}`, async () => {
          const before = row();
          const response = await requests[actor](from, to);
          const after = row();
          if (outcome.allowed) {
            expect(response.status, response.html.slice(0, 300)).toBe(302);
            expect(after.status).toBe(to);
            const verified = outcome.verification === "verified" || (outcome.verification === "asBefore" && actor === "return"); // return: the status before was BCRM's own
            expect(Boolean(after.status_verified)).toBe(verified);
            expect(after.version).toBeGreaterThan(before.version);
            if (actor === "verify") expect(one<{ v: string | null }>("SELECT verified_at AS v FROM commitment_updates WHERE id = ?", response.reportId).v).not.toBeNull();
            if (actor === "return") expect(one<{ r: string | null }>("SELECT return_reason AS r FROM commitment_updates WHERE id = ?", response.reportId).r).toContain("доказателство");
          } else {
            expect(response.status).toBe(refusedStatus[actor]);
            expect(response.html).toContain(shown(`errors.${outcome.refusal}`));
            expect(after.status).toBe(from);
            expect(after.version).toBe(before.version);
            if (actor === "verify") expect(one<{ v: string | null }>("SELECT verified_at AS v FROM commitment_updates WHERE id = ?", response.reportId).v).toBeNull();
          }
        });
      }
    }
  }

  it("a manager may make none of them (403), a partner no staff change (404)", async () => {
    setStatus("in_progress", false);
    const reportId = addUpdate({ by: "partner", status: "in_progress", at: new Date() });
    expect((await post(`/commitments/${commitmentId}`, { intent: "addUpdate", note: "x", statusChange: "fulfilled" }, cookies.manager)).status).toBe(403);
    expect((await post("/partner-updates", { intent: "verify", updateId: String(reportId) }, cookies.manager)).status).toBe(403);
    expect((await post("/partner-updates", { intent: "return", updateId: String(reportId), reason: "x" }, cookies.manager)).status).toBe(403);
    expect((await post("/partner-updates", { intent: "verify", updateId: String(reportId) }, cookies.partner)).status).toBe(404);
    expect((await post(`/commitments/${commitmentId}`, { intent: "reopen", status: "pledged", reason: "x" }, cookies.partner)).status).toBe(404);
    expect(row()).toMatchObject({ status: "in_progress", status_verified: 0 });
  });

  it("a return and a reopen need a reason: without one, nothing changes and the field says so", async () => {
    setStatus("in_progress", false);
    const reportId = addUpdate({ by: "partner", status: "in_progress", at: new Date() });
    const returned = await post("/partner-updates", { intent: "return", updateId: String(reportId), reason: "  " }, cookies.coordinator);
    expect(returned.status).toBe(400);
    expect(returned.html).toContain(shown("errors.required"));
    setStatus("fulfilled", true);
    const reopened = await post(`/commitments/${commitmentId}`, { intent: "reopen", status: "in_progress", reason: "" }, cookies.coordinator);
    expect(reopened.status).toBe(400);
    expect(reopened.html).toContain(shown("errors.required"));
    expect(row()).toMatchObject({ status: "fulfilled" });
  });
});

describe("how a commitment is born: pledged and verified, whatever the request says", () => {
  const created = (where: string, ...params: unknown[]) =>
    one<{ status: string; status_verified: number } | undefined>(`SELECT status, status_verified FROM commitments WHERE ${where}`, ...params);

  it("from the form (a forged status field is ignored)", async () => {
    const title = "Роден от формуляра";
    const fields = { title, leadOrganizationId: String(sofiaId), niemDimension: "housing", kind: "policy", status: "fulfilled", statusVerified: "0" };
    expect((await post("/commitments/new", fields, cookies.coordinator)).status).toBe(302);
    expect(created("title = ?", title)).toEqual({ status: initialStatus, status_verified: 1 });
  });

  it("from a CSV import (a status column is not imported)", async () => {
    const title = "Роден от внос";
    const csv = `Ангажимент;Водеща организация;Измерение;Вид;Статус\n${title};Столична община;housing;policy;Изпълнен\n`;
    const upload = new FormData();
    upload.append("kind", "commitments");
    upload.append("file", new Blob([csv], { type: "text/csv" }), "commitments.csv");
    const staged = await fetch(`${server.url}/imports`, { method: "POST", headers: { Cookie: cookies.coordinator, Origin: server.url }, body: upload, redirect: "manual" });
    expect(staged.status).toBe(302);
    const importPath = staged.headers.get("Location")!;
    const committed = await post(importPath, { intent: "commit", m0: "title", m1: "organization", m2: "niemDimension", m3: "kind", m4: "" }, cookies.coordinator);
    expect(committed.status).toBe(302);
    expect(created("title = ?", title)).toEqual({ status: initialStatus, status_verified: 1 });
  });

  for (const from of commitmentStatuses) {
    const carriable = (carriableStatuses as readonly string[]).includes(from);
    it(`by carry-over from ${from}: ${carriable ? "a new pledged commitment" : "refused"}`, async () => {
      setStatus(from, true);
      const response = await post(`/commitments/${commitmentId}`, { intent: "carryOver", eventId: String(laterForumId) }, cookies.coordinator);
      if (carriable) {
        expect(response.status).toBe(302);
        expect(created("carried_over_from_id = ?", commitmentId)).toEqual({ status: initialStatus, status_verified: 1 });
      } else {
        expect(response.status).toBe(400);
        expect(response.html).toContain(shown("commitments.carryOver.notEligible"));
        expect(created("carried_over_from_id = ?", commitmentId)).toBeUndefined();
      }
      expect(row().status).toBe(from); // the old one keeps its status
    });
  }
});

describe("verify or return: the chain a partner and a coordinator build", () => {
  it("reported → returned with a reason (status back, e-mail to the partner) → reported again → verified", async () => {
    setStatus("in_progress", true);
    addUpdate({ by: "staff", status: "in_progress", at: new Date(Date.now() - 60_000) });
    const outboxBefore = one<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE kind = 'report_returned' AND user_id = ?", partnerUserId).n;

    const first = await post(`/shared/commitments/${commitmentId}`, { intent: "update", commitmentId: String(commitmentId), note: "Настанени са 10 семейства.", proposedStatus: "fulfilled" }, cookies.partner, true);
    expect(first.status).toBe(302);
    expect(row()).toMatchObject({ status: "fulfilled", status_verified: 0 });
    const firstId = one<{ id: number }>("SELECT max(id) AS id FROM commitment_updates WHERE commitment_id = ?", commitmentId).id;

    const reason = "Приложете протокола за настаняване.";
    expect((await post("/partner-updates", { intent: "return", updateId: String(firstId), reason }, cookies.coordinator)).status).toBe(302);
    // The self-reported fulfilment is undone: back to BCRM's own «in progress», verified.
    expect(row()).toMatchObject({ status: "in_progress", status_verified: 1 });
    const mails = db.prepare("SELECT body_text AS body FROM outbox WHERE kind = 'report_returned' AND user_id = ? ORDER BY id").all(partnerUserId) as Array<{ body: string }>;
    expect(mails).toHaveLength(outboxBefore + 1);
    const mail = mails.at(-1)!;
    expect(mail.body).toContain(reason);
    expect(mail.body).toContain(`/shared/commitments/${commitmentId}`);

    // The partner sees the reason on the item.
    const page = await fetch(`${server.url}/shared/commitments/${commitmentId}`, { headers: { Cookie: cookies.partner } });
    const html = await page.text();
    expect(html).toContain('data-testid="returned-report"');
    expect(html).toContain(reason);
    // A returned report cannot be verified any more.
    const late = await post("/partner-updates", { intent: "verify", updateId: String(firstId) }, cookies.coordinator);
    expect(late.status).toBe(409);
    expect(late.html).toContain(shown("portal.partnerUpdates.alreadyReturned"));

    const second = await post(`/shared/commitments/${commitmentId}`, { intent: "update", commitmentId: String(commitmentId), note: "Протоколът е приложен.", proposedStatus: "fulfilled" }, cookies.partner, true);
    expect(second.status).toBe(302);
    const secondId = one<{ id: number }>("SELECT max(id) AS id FROM commitment_updates WHERE commitment_id = ?", commitmentId).id;
    expect(one<{ a: number }>("SELECT answers_update_id AS a FROM commitment_updates WHERE id = ?", secondId).a).toBe(firstId);

    expect((await post("/partner-updates", { intent: "verify", updateId: String(secondId) }, cookies.coordinator)).status).toBe(302);
    expect(row()).toMatchObject({ status: "fulfilled", status_verified: 1 });
    const after = await (await fetch(`${server.url}/shared/commitments/${commitmentId}`, { headers: { Cookie: cookies.partner } })).text();
    expect(after).not.toContain('data-testid="returned-report"');
    // The audit keeps the chain on the commitment: self-report, return, verification.
    const actions = (db.prepare("SELECT action FROM audit_entries WHERE entity_type = 'commitment' AND entity_id = ? ORDER BY id").all(commitmentId) as Array<{ action: string }>).map((a) => a.action);
    expect(actions.slice(-4)).toEqual(["update", "return", "update", "verify"]);
  });

  it("verifying an older report after a later status change is refused (the table's «superseded»); returning it leaves the status", async () => {
    setStatus("in_progress", true);
    const older = addUpdate({ by: "partner", status: "partially_fulfilled", at: new Date(Date.now() - 60_000) });
    addUpdate({ by: "staff", status: "in_progress", at: new Date() });
    const verify = await post("/partner-updates", { intent: "verify", updateId: String(older) }, cookies.coordinator);
    expect(verify.status).toBe(409);
    expect(verify.html).toContain(shown("errors.reportSuperseded"));
    const returned = await post("/partner-updates", { intent: "return", updateId: String(older), reason: "Статусът вече е друг." }, cookies.coordinator);
    expect(returned.status).toBe(302);
    expect(row()).toMatchObject({ status: "in_progress", status_verified: 1 });
  });
});

describe("the self-reported badge, as the pages render it", () => {
  const badge = `<span class="badge">${shown("commitments.selfReported")}</span>`;
  /** The list row (a <tr>) that links to the test's commitment. */
  async function listRow() {
    const html = await (await fetch(`${server.url}/commitments?q=${encodeURIComponent("жизнения цикъл")}`, { headers: { Cookie: cookies.coordinator } })).text();
    const rowHtml = [...html.matchAll(/<tr[\s>][\s\S]*?<\/tr>/g)].map((m) => m[0]).find((r) => r.includes(`href="/commitments/${commitmentId}"`));
    expect(rowHtml, "the commitment is in the list").toBeDefined();
    return rowHtml!;
  }
  const statusCell = async () => {
    const html = await (await fetch(`${server.url}/commitments/${commitmentId}`, { headers: { Cookie: cookies.coordinator } })).text();
    return /data-testid="commitment-status"[^>]*>([\s\S]*?)<\/dd>/.exec(html)![1];
  };

  it("shows on the list and the page while the status rests on an unverified report, and goes once it is verified", async () => {
    setStatus("pledged", true);
    expect(await listRow()).not.toContain(badge);
    expect(await statusCell()).not.toContain(badge);
    const report = await post(`/shared/commitments/${commitmentId}`, { intent: "update", commitmentId: String(commitmentId), note: "Започнахме.", proposedStatus: "in_progress" }, cookies.partner, true);
    expect(report.status).toBe(302);
    expect(await listRow()).toContain(badge);
    expect(await statusCell()).toContain(badge);
    const reportId = one<{ id: number }>("SELECT max(id) AS id FROM commitment_updates WHERE commitment_id = ?", commitmentId).id;
    expect((await post("/partner-updates", { intent: "verify", updateId: String(reportId) }, cookies.coordinator)).status).toBe(302);
    expect(await listRow()).not.toContain(badge);
    expect(await statusCell()).not.toContain(badge);
  });
});
