// Issue 19 — the year in review of a forum edition. Every figure of the 2021 forum's review is
// computed here from the database with SQL written in this file (not the model's) and compared
// with what the page gets; each count's link opens a list of exactly that many commitments; the
// coordinator's highlight edits; the PDF and XLSX; and who may see what.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { commitmentStatuses, niemAreas, niemDimensions, oblasts, organizationKinds } from "#app/domain/enums.ts";
import { yearReviewTables, type YearReview } from "#app/domain/year-review.ts";
import { makeTranslate } from "#app/i18n/i18n.ts";
import * as commitmentsList from "#app/routes/commitments._index.tsx";
import * as reviewRoute from "#app/routes/events.$id.review.tsx";
import * as pdfRoute from "#app/routes/events.$id.review[.pdf].ts";
import * as xlsxRoute from "#app/routes/events.$id.review[.xlsx].ts";
import { call, latestAudit, type DemoUser } from "#tests/helpers.ts";
import { pdfOperators, pdfText } from "#tests/pdf-text.ts";

const sqlite = () => getDb().$client;
const r0 = (r: YearReview) => r.stories[0]!.id;
const one = <T>(query: string, ...args: unknown[]) => sqlite().prepare(query).get(...args) as T;
const all = <T>(query: string, ...args: unknown[]) => sqlite().prepare(query).all(...args) as T[];

const forum2021 = () => one<{ id: number; title: string; starts_on: string }>("SELECT id, title, starts_on FROM events WHERE kind = 'national_forum' AND starts_on = '2021-11-30'");
const forum2020 = () => one<{ id: number; title: string; starts_on: string }>("SELECT id, title, starts_on FROM events WHERE kind = 'national_forum' AND starts_on = '2020-12-10'");

const review = async (eventId: number, as: DemoUser = "coordinator") => {
  const outcome = await call(reviewRoute, "loader", { path: `/events/${eventId}/review`, params: { id: String(eventId) }, as });
  return outcome;
};
const edit = (eventId: number, form: Record<string, string>, as: DemoUser = "coordinator") =>
  call(reviewRoute, "action", { path: `/events/${eventId}/review`, params: { id: String(eventId) }, as, form });

/** fulfilment = (fulfilled + ½ partially) / (all − withdrawn), %, one decimal — written out here on purpose. */
function expectedRate(counts: Record<string, number>): number | null {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const owed = total - (counts.withdrawn ?? 0);
  if (owed <= 0) return null;
  return Math.round((((counts.fulfilled ?? 0) + (counts.partially_fulfilled ?? 0) / 2) / owed) * 1000) / 10;
}

type Grouped = Record<string, { made: number; byStatus: Record<string, number>; self: Record<string, number> }>;

/** Commitments of the edition grouped by a SQL expression over c (commitments) and o (lead organization). */
function groupedBySql(eventId: number, keyExpression: string): Grouped {
  const rows = all<{ key: string; status: string; verified: number; n: number }>(
    `SELECT ${keyExpression} AS key, c.status AS status, c.status_verified AS verified, COUNT(*) AS n
       FROM commitments c JOIN organizations o ON o.id = c.lead_organization_id
      WHERE c.event_id = ? GROUP BY 1, 2, 3`,
    eventId,
  );
  const groups: Grouped = {};
  for (const r of rows) {
    const g = (groups[r.key] ??= { made: 0, byStatus: Object.fromEntries(commitmentStatuses.map((s) => [s, 0])), self: Object.fromEntries(commitmentStatuses.map((s) => [s, 0])) });
    g.made += r.n;
    g.byStatus[r.status] += r.n;
    if (!r.verified) g.self[r.status] += r.n;
  }
  return groups;
}

function asPageGroups(groups: Grouped, order: readonly string[], everyKey = false) {
  const keys = everyKey ? [...order] : Object.keys(groups).sort((a, b) => (order.includes(a) ? order.indexOf(a) : 99) - (order.includes(b) ? order.indexOf(b) : 99));
  return keys.map((key) => {
    const g = groups[key] ?? { made: 0, byStatus: Object.fromEntries(commitmentStatuses.map((s) => [s, 0])), self: Object.fromEntries(commitmentStatuses.map((s) => [s, 0])) };
    const selfReported = Object.values(g.self).reduce((a, b) => a + b, 0);
    return { key, made: g.made, byStatus: g.byStatus, selfReportedByStatus: g.self, selfReported, rate: expectedRate(g.byStatus) };
  });
}

describe("the 2021 forum's year in review: every figure equals SQL written in this test", () => {
  it("reviews the 2020 edition's commitments: counts by status (verified and self-reported), rate, carried in, joint", async () => {
    const { id, starts_on } = forum2021();
    const previous = one<{ id: number; starts_on: string }>(
      "SELECT id, starts_on FROM events WHERE kind = 'national_forum' AND starts_on < ? ORDER BY starts_on DESC, id DESC LIMIT 1",
      starts_on,
    );
    expect(previous.id).toBe(forum2020().id);
    const { status, data } = await review(id);
    expect(status).toBe(200);
    const r = data.review as YearReview;
    expect(r.previous?.id).toBe(previous.id);

    const summary = asPageGroups(groupedBySql(previous.id, "'all'"), ["all"])[0]!;
    // The demo's 2020 edition has every kind of outcome, verified and self-reported.
    expect(summary.made).toBeGreaterThan(15);
    for (const s of ["fulfilled", "partially_fulfilled", "not_fulfilled", "withdrawn"]) expect(summary.byStatus[s], s).toBeGreaterThan(0);
    expect(summary.byStatus.pledged + summary.byStatus.in_progress).toBeGreaterThan(0);
    expect(summary.selfReportedByStatus.fulfilled).toBeGreaterThan(0);
    expect(summary.byStatus.fulfilled - summary.selfReportedByStatus.fulfilled).toBeGreaterThan(0);

    const { carriedIn, joint, ...counts } = r.summary;
    expect(counts).toEqual(summary);
    expect(carriedIn).toBe(one<{ n: number }>("SELECT COUNT(*) AS n FROM commitments WHERE event_id = ? AND carried_over_from_id IS NOT NULL", previous.id).n);
    const jointIds = all<{ id: number }>(
      "SELECT id FROM commitments c WHERE event_id = ? AND EXISTS (SELECT 1 FROM commitment_co_pledgers p WHERE p.commitment_id = c.id) ORDER BY id",
      previous.id,
    ).map((x) => x.id);
    expect(jointIds.length).toBeGreaterThan(1);
    expect(joint).toBe(jointIds.length);
    expect(r.jointPledges.map((c) => c.id).sort((a, b) => a - b)).toEqual(jointIds);
  });

  it("fulfilment by NIEM area (all four) and dimension, by kind and by oblast of the lead organization", async () => {
    const { id } = forum2021();
    const previous = forum2020().id;
    const { data } = await review(id);
    const r = data.review as YearReview;
    expect(r.byArea).toEqual(asPageGroups(groupedBySql(previous, "c.niem_area"), niemAreas, true));
    expect(r.byDimension).toEqual(asPageGroups(groupedBySql(previous, "c.niem_dimension"), niemDimensions));
    expect(r.byOrganizationKind).toEqual(asPageGroups(groupedBySql(previous, "o.kind"), organizationKinds));
    expect(r.byOblast).toEqual(asPageGroups(groupedBySql(previous, "coalesce(o.oblast, 'none')"), [...oblasts, "none"]));
    // Not a vacuous comparison: several groups of each, one lead without an oblast.
    expect(r.byDimension.length).toBeGreaterThan(5);
    expect(r.byOrganizationKind.length).toBeGreaterThan(4);
    expect(r.byOblast.map((g) => g.key)).toContain("none");
  });

  it("highlights by the rule, what was carried over to 2021, the new partnerships of the year and the published stories", async () => {
    const { id, starts_on } = forum2021();
    const previous = forum2020();
    const { data } = await review(id);
    const r = data.review as YearReview;
    const areaOrder = `CASE c.niem_area ${niemAreas.map((a, i) => `WHEN '${a}' THEN ${i}`).join(" ")} END`;
    const byRule = all<{ id: number }>(
      `SELECT c.id FROM commitments c
        WHERE c.event_id = ? AND c.status = 'fulfilled' AND c.status_verified = 1
          AND EXISTS (SELECT 1 FROM commitment_updates u WHERE u.commitment_id = c.id
                        AND (u.evidence_url IS NOT NULL OR u.evidence_file_id IS NOT NULL)
                        AND (u.partner_organization_id IS NULL OR u.verified_at IS NOT NULL))
        ORDER BY ${areaOrder}, c.sort_key, c.id`,
      previous.id,
    ).map((x) => x.id);
    expect(byRule.length).toBeGreaterThan(3);
    expect(r.highlights.map((h) => h.id)).toEqual(byRule);
    expect(r.highlights.every((h) => h.auto && h.evidence)).toBe(true);

    const carried = all<{ id: number }>("SELECT id FROM commitments WHERE event_id = ? AND carried_over_from_id IS NOT NULL ORDER BY id", id).map((x) => x.id);
    expect(carried.length).toBeGreaterThan(1);
    expect(r.carriedOver.map((c) => c.id).sort((a, b) => a - b)).toEqual(carried);
    for (const c of r.carriedOver) expect(c.fromEventTitle).toBe(previous.title);

    const partnerships = all<{ id: number }>("SELECT id FROM partnerships WHERE starts_on > ? AND starts_on <= ? ORDER BY id", previous.starts_on, starts_on).map((x) => x.id);
    expect(partnerships.length).toBeGreaterThan(1);
    expect(r.newPartnerships.map((p) => p.id).sort((a, b) => a - b)).toEqual(partnerships);

    // Published, and every person in it still has a current «story publication» consent.
    const published = all<{ id: number }>(
      `SELECT s.id FROM stories s
        WHERE s.event_id = ? AND s.state = 'published'
          AND NOT EXISTS (SELECT 1 FROM story_people p WHERE p.story_id = s.id AND NOT EXISTS (
                SELECT 1 FROM refugee_consents c WHERE c.refugee_contact_id = p.refugee_contact_id
                   AND c.given_on <= date('now') AND c.withdrawn_on IS NULL AND (c.expires_on IS NULL OR c.expires_on >= date('now'))
                   AND (',' || c.purposes || ',') LIKE '%,story_publication,%'))
        ORDER BY s.id`,
      id,
    ).map((x) => x.id);
    expect(published).toHaveLength(5);
    expect(r.stories.map((s) => s.id).sort((a, b) => a - b)).toEqual(published);
    // A story of this edition that is only approved stays out.
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM stories WHERE event_id = ? AND state <> 'published'", id).n).toBeGreaterThan(0);
  });

  it("a published story whose person's consent has lapsed stays out of the review until it is renewed", async () => {
    const { id } = forum2021();
    const story = r0((await review(id)).data.review as YearReview);
    const person = one<{ id: number }>("SELECT refugee_contact_id AS id FROM story_people WHERE story_id = ?", story).id;
    sqlite().prepare("UPDATE refugee_consents SET expires_on = '2022-01-01' WHERE refugee_contact_id = ?").run(person);
    expect(((await review(id)).data.review as YearReview).stories.map((s) => s.id)).not.toContain(story);
    expect(one<{ state: string }>("SELECT state FROM stories WHERE id = ?", story).state).toBe("published");
    sqlite().prepare("UPDATE refugee_consents SET expires_on = NULL WHERE refugee_contact_id = ?").run(person);
    expect(((await review(id)).data.review as YearReview).stories.map((s) => s.id)).toContain(story);
  });

  it("each count links to the commitments list filtered to exactly that many commitments", async () => {
    const { id } = forum2021();
    const { data } = await review(id);
    const tables = yearReviewTables(data.review as YearReview, makeTranslate("bg"));
    let checked = 0;
    for (const table of tables) {
      for (const [r, row] of table.rows.entries()) {
        for (const [c, value] of row.entries()) {
          const href = table.links[r]?.[c];
          if (!href || typeof value !== "number") continue;
          const list = await call(commitmentsList, "loader", { path: `${href}&perPage=100`, as: "manager" });
          expect(list.data.total, `${table.id} row ${r} column ${c}: ${href}`).toBe(value);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe("curating the highlights", () => {
  it("a coordinator excludes, reorders, captions and includes; each edit is audited; the page follows", async () => {
    const { id } = forum2021();
    const before = (await review(id)).data.review as YearReview;
    const [first, second, third] = before.highlights;
    expect(third).toBeDefined();

    expect((await edit(id, { intent: "exclude", commitmentId: String(first!.id) })).status).toBe(302);
    expect(latestAudit()).toMatchObject({ action: "review_highlight", entityType: "event", entityId: id });
    let after = (await review(id)).data;
    expect(after.review.highlights.map((h: { id: number }) => h.id)).not.toContain(first!.id);
    expect(after.candidates.map((c: { id: number }) => c.id)).toContain(first!.id);

    expect((await edit(id, { intent: "caption", commitmentId: String(second!.id), caption: "47 души започнаха работа" })).status).toBe(302);
    expect((await edit(id, { intent: "moveDown", commitmentId: String(second!.id) })).status).toBe(302);
    after = (await review(id)).data;
    const ids = after.review.highlights.map((h: { id: number }) => h.id);
    expect(ids.indexOf(second!.id)).toBe(ids.indexOf(third!.id) + 1);
    expect(after.review.highlights.find((h: { id: number }) => h.id === second!.id).caption).toBe("47 души започнаха работа");

    // A fulfilled commitment without evidence is not chosen by the rule, but may be added by hand.
    const noEvidence = after.candidates.find((c: { status: string; byRule: boolean }) => c.status === "fulfilled" && !c.byRule);
    expect(noEvidence).toBeDefined();
    expect((await edit(id, { intent: "include", commitmentId: String(noEvidence.id) })).status).toBe(302);
    after = (await review(id)).data;
    expect(after.review.highlights.at(-1)).toMatchObject({ id: noEvidence.id, auto: false });

    // And the excluded one comes back.
    expect((await edit(id, { intent: "include", commitmentId: String(first!.id) })).status).toBe(302);
    expect((await review(id)).data.review.highlights.map((h: { id: number }) => h.id)).toContain(first!.id);
  });

  it("refuses, with a reason and nothing written: a caption too long, a commitment not in the review, unknown intents", async () => {
    const { id } = forum2021();
    const highlight = ((await review(id)).data.review as YearReview).highlights[0]!;
    const audits = one<{ n: number }>("SELECT COUNT(*) AS n FROM audit_entries").n;
    const long = await edit(id, { intent: "caption", commitmentId: String(highlight.id), caption: "ж".repeat(201) });
    expect(long.status).toBe(400);
    expect(long.data.fieldErrors).toEqual(["tooLong:200"]);
    const foreign = one<{ id: number }>("SELECT id FROM commitments WHERE event_id = ? LIMIT 1", id).id;
    const outside = await edit(id, { intent: "exclude", commitmentId: String(foreign) });
    expect(outside.status).toBe(400);
    expect(outside.data.error).toBe("review.error.notInReview");
    expect((await edit(id, { intent: "delete", commitmentId: String(highlight.id) })).status).toBe(400);
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM audit_entries").n).toBe(audits);
  });

  it("managers read but do not edit (403); partners get 404", async () => {
    const { id } = forum2021();
    const highlight = ((await review(id)).data.review as YearReview).highlights[0]!;
    expect((await review(id, "manager")).status).toBe(200);
    expect((await review(id, "manager")).data.canEdit).toBe(false);
    expect((await edit(id, { intent: "exclude", commitmentId: String(highlight.id) }, "manager")).status).toBe(403);
    expect((await review(id, "partnerSofia")).status).toBe(404);
    expect((await edit(id, { intent: "exclude", commitmentId: String(highlight.id) }, "partnerSofia")).status).toBe(404);
  });
});

describe("the review as files", () => {
  const download = (route: typeof pdfRoute, eventId: number, as: DemoUser, query = "") =>
    call(route, "loader", { path: `/events/${eventId}/review.pdf${query}`, params: { id: String(eventId) }, as });

  it("PDF in Bulgarian: A4 pages, contents, page numbers, the date of the data, the figures and tables of the page, fonts embedded, vector charts", async () => {
    const { id, title } = forum2021();
    const { data } = await review(id);
    const r = data.review as YearReview;
    const outcome = await download(pdfRoute, id, "manager");
    expect(outcome.status).toBe(200);
    expect(outcome.response!.headers.get("Content-Type")).toBe("application/pdf");
    expect(outcome.response!.headers.get("Content-Disposition")).toMatch(/^attachment; filename="year-review-2021-bg\.pdf"/);
    const bytes = new Uint8Array(await outcome.response!.arrayBuffer());
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe("%PDF-");
    const raw = Buffer.from(bytes).toString("latin1");
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    // The shipped font, embedded (a subset), and no standard font taken from anywhere.
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect(raw).toContain("/FontFile2");
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);

    const { pages, text } = await pdfText(bytes);
    expect(pages.length).toBeGreaterThan(3);
    expect(text).toContain(title);
    expect(text).toContain("Съдържание");
    pages.forEach((page, i) => expect(page).toContain(`Страница ${i + 1} от ${pages.length}`));
    expect(text).toMatch(/Данни към \d{2}\.\d{2}\.\d{4}/);
    expect(text).toContain("Как се броят числата");
    // The tables the page shows, row by row, with the same numbers.
    const bg = makeTranslate("bg");
    const number = new Intl.NumberFormat("bg-BG");
    for (const table of yearReviewTables(r, bg)) {
      for (const row of table.rows) {
        const line = row.map((v) => (v === null ? "—" : typeof v === "number" ? number.format(v) : v)).join(" ");
        expect(text, `${table.id}: ${line}`).toContain(line);
      }
    }
    for (const h of r.highlights) expect(text).toContain(h.title);
    for (const s of r.stories) expect(text).toContain(s.title);
    // Charts are vector shapes: filled paths, and not a single image in the document.
    const ops = await pdfOperators(bytes);
    expect(ops["path:fill"] ?? 0).toBeGreaterThan(10);
    expect(ops["path:stroke"] ?? 0).toBeGreaterThan(10);
    expect(ops.paintImageXObject ?? 0).toBe(0);
    expect(JSON.parse(latestAudit().detail!)).toMatchObject({ export: "year_review", format: "pdf", eventId: id, locale: "bg" });
  });

  it("PDF in English with ?lang=en, with a coordinator's caption", async () => {
    const { id } = forum2021();
    const highlight = ((await review(id)).data.review as YearReview).highlights[0]!;
    await edit(id, { intent: "caption", commitmentId: String(highlight.id), caption: "Shown on the big screen" });
    const outcome = await download(pdfRoute, id, "coordinator", "?lang=en");
    expect(outcome.status).toBe(200);
    const { pages, text } = await pdfText(new Uint8Array(await outcome.response!.arrayBuffer()));
    expect(text).toContain("Contents");
    expect(text).toContain("Year in review");
    expect(text).toContain("How the numbers are counted");
    expect(text).toContain("Shown on the big screen");
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
    expect(text).not.toContain("Съдържание");
  });

  it("XLSX: one sheet per table, with the page's cells", async () => {
    const { id } = forum2021();
    const r = (await review(id, "manager")).data.review as YearReview;
    const outcome = await call(xlsxRoute, "loader", { path: `/events/${id}/review.xlsx`, params: { id: String(id) }, as: "manager" });
    expect(outcome.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await outcome.response!.arrayBuffer());
    const tables = yearReviewTables(r, makeTranslate("bg"));
    expect(workbook.worksheets.length).toBeGreaterThanOrEqual(tables.length);
    tables.forEach((table, i) => {
      const sheet = workbook.worksheets[i]!;
      expect(sheet.getRow(1).values).toEqual([undefined, ...table.columns.map((c) => c.label)]);
      table.rows.forEach((row, r) => {
        expect((sheet.getRow(r + 2).values as unknown[]).slice(1).map((v) => v ?? null)).toEqual(row);
      });
    });
  });

  it("the first edition has no previous one: the review says so, counts nothing, and its PDF is still made", async () => {
    const { id } = forum2020();
    const { status, data } = await review(id, "manager");
    expect(status).toBe(200);
    const r = data.review as YearReview;
    expect(r.previous).toBeNull();
    expect(r.summary.made).toBe(0);
    expect(r.summary.rate).toBeNull();
    expect(r.highlights).toEqual([]);
    const outcome = await download(pdfRoute, id, "manager");
    expect(outcome.status).toBe(200);
    const { text } = await pdfText(new Uint8Array(await outcome.response!.arrayBuffer()));
    expect(text).toContain("Няма предишно издание на форума");
    expect(text).toContain("Няма акценти.");
  });

  it("partners never get a file (404), whatever the language; an event that is not a forum edition has no review (404)", async () => {
    const { id } = forum2021();
    expect((await download(pdfRoute, id, "partnerSofia")).status).toBe(404);
    expect((await download(pdfRoute, id, "partnerRedCross", "?lang=en")).status).toBe(404);
    expect((await call(xlsxRoute, "loader", { path: `/events/${id}/review.xlsx`, params: { id: String(id) }, as: "partnerSofia" })).status).toBe(404);
    const roundTable = one<{ id: number }>("SELECT id FROM events WHERE kind <> 'national_forum' LIMIT 1").id;
    expect((await review(roundTable)).status).toBe(404);
    expect((await download(pdfRoute, roundTable, "manager")).status).toBe(404);
  });

  it("an edition with 500 commitments: the PDF is made within 3 s", async () => {
    const db = sqlite();
    const insertEvent = db.prepare("INSERT INTO events (title, sort_key, search_key, kind, starts_on) VALUES (?, ?, ?, 'national_forum', ?) RETURNING id");
    const a = (insertEvent.get("Тестов форум 2040", "тестов форум 2040", "testov forum 2040", "2040-11-30") as { id: number }).id;
    const b = (insertEvent.get("Тестов форум 2041", "тестов форум 2041", "testov forum 2041", "2041-11-30") as { id: number }).id;
    const orgs = all<{ id: number }>("SELECT id FROM organizations ORDER BY id LIMIT 40").map((o) => o.id);
    const coordinator = one<{ id: number }>("SELECT id FROM users WHERE email = 'coordinator@bcrm.demo'").id;
    const insert = db.prepare(
      `INSERT INTO commitments (title, sort_key, search_key, lead_organization_id, event_id, niem_dimension, niem_area, kind, status, status_verified)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'service', ?, ?) RETURNING id`,
    );
    const update = db.prepare("INSERT INTO commitment_updates (commitment_id, author_id, note, status_change, evidence_url) VALUES (?, ?, 'Изпълнено', 'fulfilled', ?)");
    const coPledge = db.prepare("INSERT INTO commitment_co_pledgers (commitment_id, organization_id) VALUES (?, ?)");
    const areaOf = (d: string) => ({ reception_impact: "general", mainstreaming_governance: "general", residency: "legal", family_reunification: "legal", nationality: "legal", housing: "socio_economic", employment: "socio_economic", vocational_training: "socio_economic", health: "socio_economic", social_security: "socio_economic" })[d] ?? "socio_cultural";
    db.transaction(() => {
      for (let i = 0; i < 500; i++) {
        const dimension = niemDimensions[i % niemDimensions.length]!;
        const status = commitmentStatuses[i % commitmentStatuses.length]!;
        const title = `Ангажимент за натоварване № ${i + 1} – езикови курсове, жилища и заетост за бежанци`;
        const { id } = insert.get(title, title.toLowerCase(), `angazhiment ${i}`, orgs[i % orgs.length], a, dimension, areaOf(dimension), status, i % 7 === 0 ? 0 : 1) as { id: number };
        if (status === "fulfilled") update.run(id, coordinator, `https://example.org/evidence/${i}`);
        if (i % 5 === 0) coPledge.run(id, orgs[(i + 1) % orgs.length]);
      }
    })();
    const started = performance.now();
    const outcome = await download(pdfRoute, b, "manager");
    const elapsed = performance.now() - started;
    expect(outcome.status).toBe(200);
    const { text } = await pdfText(new Uint8Array(await outcome.response!.arrayBuffer()));
    expect(text).toContain("Ангажимент за натоварване № 496 –"); // a joint pledge (i = 495)
    expect(elapsed, `PDF of 500 commitments took ${Math.round(elapsed)} ms`).toBeLessThan(3000);
  }, 30_000);
});
