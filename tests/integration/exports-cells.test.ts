// Every cell of every export, read back with a real reader (exceljs; csv-parse with the locale's
// separator), equals what the record's own page shows: the expected row of each record is built
// here from its detail page's loader data, not by the export's code. The records differ on purpose
// (no tags, one, several; archived; with and without each optional link; timestamps near midnight).
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { users } from "#app/db/schema.ts";
import type { ExportKind } from "#app/domain/exports.ts";
import { enumLabel, makeTranslate, type Translate } from "#app/i18n/i18n.ts";
import { addCommitmentUpdate, createCommitment } from "#app/models/commitments.server.ts";
import { createFollowUp, markFollowUpDone } from "#app/models/follow-ups.server.ts";
import { createOrganization } from "#app/models/organizations.server.ts";
import { addPartnershipMember, createPartnership } from "#app/models/partnerships.server.ts";
import { createPerson, setPersonArchived } from "#app/models/people.server.ts";
import * as commitmentPage from "#app/routes/commitments.$id._index.tsx";
import * as exportRoute from "#app/routes/exports.$file.ts";
import * as followUpPage from "#app/routes/follow-ups.$id._index.tsx";
import * as organizationPage from "#app/routes/organizations.$id._index.tsx";
import * as partnershipPage from "#app/routes/partnerships.$id._index.tsx";
import * as personPage from "#app/routes/people.$id._index.tsx";
import { call, userIdOf } from "#tests/helpers.ts";
import { actingAs, orgId, RED_CROSS, SOFIA } from "./record-fixtures.ts";

const sqlite = () => getDb().$client;

// ---------------------------------------------------------------- what a cell should hold

/** A text, a number, a calendar day, a Sofia date and time ("YYYY-MM-DD HH:MM"), or nothing. */
type Expected = string | number | { day: string } | { at: string } | null;

// sv-SE writes "YYYY-MM-DD HH:MM"; the zone is Sofia's whatever the server's clock zone.
const sofiaClock = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Sofia",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const sofiaAt = (iso: string) => ({ at: sofiaClock.format(new Date(iso)) });
const sofiaDay = (iso: string) => ({ day: sofiaClock.format(new Date(iso)).slice(0, 10) });
const day = (value: string | null) => (value ? { day: value } : null);
const orNull = (value: string | null | undefined) => (value === undefined || value === "" ? null : value);

/** OWASP: a CSV cell starting with = + - @ tab or CR gets a leading apostrophe. */
const csvText = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

function csvCell(expected: Expected, locale: "bg" | "en"): string {
  if (expected === null) return "";
  if (typeof expected === "string") return csvText(expected);
  if (typeof expected === "number") return locale === "bg" ? String(expected).replace(".", ",") : String(expected);
  return "day" in expected ? expected.day : expected.at;
}

function checkXlsxCell(cell: ExcelJS.Cell, expected: Expected, where: string) {
  const value = cell.value;
  expect(cell.type, `${where}: never a formula`).not.toBe(ExcelJS.ValueType.Formula);
  if (expected === null) {
    expect(value === null || value === undefined || value === "", `${where}: empty, got ${String(value)}`).toBe(true);
  } else if (typeof expected === "string") {
    // Text is a string cell holding exactly the text: nothing is evaluated, nothing is prefixed.
    expect(cell.type, where).toBe(ExcelJS.ValueType.String);
    expect(value, where).toBe(expected);
  } else if (typeof expected === "number") {
    expect(value, where).toBe(expected);
  } else {
    expect(value, where).toBeInstanceOf(Date);
    const shown = (value as Date).toISOString().slice(0, 16).replace("T", " ");
    if ("day" in expected) expect(shown, where).toBe(`${expected.day} 00:00`);
    else expect(shown, where).toBe(expected.at);
  }
}

// ---------------------------------------------------------------- each record's own page

const yesNo = (t: Translate, value: boolean) => (value ? t("common.yes") : t("common.no"));

async function pageData(route: Parameters<typeof call>[0], path: string, id: number) {
  const outcome = await call(route, "loader", { path: `${path}/${id}`, params: { id: String(id) }, as: "manager" });
  expect(outcome.status, `${path}/${id}`).toBe(200);
  return outcome.data;
}

/** Commitment statuses of a partnership, counted here with plain SQL (the page lists only the first few). */
function partnershipCommitments(id: number) {
  const rows = sqlite().prepare("SELECT status FROM commitments WHERE partnership_id = ?").all(id) as Array<{ status: string }>;
  const n = (status: string) => rows.filter((r) => r.status === status).length;
  const counted = rows.length - n("withdrawn");
  // docs/decisions/005-fulfilment-rate.md: (fulfilled + ½ partially) / (all − withdrawn), one decimal.
  const rate = counted > 0 ? Math.round(((n("fulfilled") + 0.5 * n("partially_fulfilled")) / counted) * 1000) / 10 : null;
  return { count: rows.length, rate };
}

const expectedRow: Record<ExportKind, (id: number, t: Translate) => Promise<Expected[]>> = {
  async organizations(id, t) {
    const { organization: o } = await pageData(organizationPage, "/organizations", id);
    return [
      o.id,
      o.name,
      orNull(o.nameLatin),
      enumLabel(t, "organizationKind", o.kind),
      o.oblast ? enumLabel(t, "oblast", o.oblast) : null,
      orNull(o.municipality),
      orNull(o.address),
      orNull(o.website),
      orNull(o.email),
      orNull(o.phone),
      orNull(o.description),
      orNull((o.tags as string[]).join(", ")),
      yesNo(t, o.archived),
      sofiaAt(o.updatedAt),
    ];
  },
  async people(id, t) {
    const { person: p } = await pageData(personPage, "/people", id);
    return [
      p.id,
      p.name,
      orNull(p.nameLatin),
      orNull(p.position),
      orNull(p.organizationName),
      orNull(p.email),
      orNull(p.phone),
      orNull(p.languages),
      orNull(p.notes),
      yesNo(t, p.archived),
      sofiaAt(p.updatedAt),
    ];
  },
  async partnerships(id, t) {
    const { partnership: p, members } = await pageData(partnershipPage, "/partnerships", id);
    const leads = (members as Array<{ organizationName: string; role: string }>).filter((m) => m.role === "lead");
    const others = (members as Array<{ organizationName: string; role: string }>).filter((m) => m.role !== "lead");
    const { count, rate } = partnershipCommitments(id);
    return [
      p.id,
      p.title,
      enumLabel(t, "partnershipKind", p.kind),
      enumLabel(t, "partnershipStatus", p.status),
      day(p.startsOn),
      day(p.endsOn),
      orNull(leads.map((m) => m.organizationName).join("; ")),
      orNull([...leads, ...others].map((m) => `${m.organizationName} (${enumLabel(t, "partnershipMemberRole", m.role)})`).join("; ")),
      orNull(p.project),
      orNull(p.ownerName),
      count,
      rate,
    ];
  },
  async commitments(id, t) {
    const d = await pageData(commitmentPage, "/commitments", id);
    const c = d.commitment;
    const latest = (d.timeline as Array<{ note: string; createdAt: string }>).at(-1);
    return [
      c.id,
      c.title,
      d.leadName,
      orNull((d.coPledgers as Array<{ name: string }>).map((o) => o.name).join("; ")),
      d.event?.title ?? null,
      d.partnership?.title ?? null,
      enumLabel(t, "niemArea", c.niemArea),
      enumLabel(t, "niemDimension", c.niemDimension),
      enumLabel(t, "commitmentKind", c.kind),
      day(c.dueOn),
      enumLabel(t, "commitmentStatus", c.status),
      yesNo(t, c.statusVerified),
      orNull(d.ownerName),
      yesNo(t, c.sharedWithPartner),
      orNull(latest?.note),
      latest ? sofiaDay(latest.createdAt) : null,
    ];
  },
  async "follow-ups"(id, t) {
    const d = await pageData(followUpPage, "/follow-ups", id);
    const f = d.followUp;
    return [
      f.id,
      f.title,
      day(f.dueOn),
      enumLabel(t, "followUpStatus", f.status),
      orNull(d.assigneeName),
      orNull(d.organizationName),
      orNull(d.personName),
      orNull(d.partnershipTitle),
      orNull(d.commitmentTitle),
      orNull(d.eventTitle),
      orNull(d.sharedWithName),
      f.completedAt ? sofiaDay(f.completedAt) : null,
      orNull(f.completionNote),
      orNull(f.notes),
    ];
  },
};

// Every record, whatever the list's default filters: archived ones too.
const everything: Record<ExportKind, string> = {
  organizations: "?archived=all",
  people: "?archived=all",
  partnerships: "",
  commitments: "",
  "follow-ups": "",
};

async function download(file: string, query: string) {
  const outcome = await call(exportRoute, "loader", { path: `/exports/${file}${query}`, params: { file }, as: "manager" });
  expect(outcome.status, file).toBe(200);
  return Buffer.from(await outcome.response!.arrayBuffer());
}

function readCsv(bytes: Buffer, delimiter: string): string[][] {
  expect([...bytes.subarray(0, 3)], "UTF-8 BOM").toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes.subarray(3).toString("utf8"), { delimiter, relax_column_count: false });
}

async function readXlsx(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0]!;
}

function setLocale(locale: "bg" | "en") {
  getDb().update(users).set({ locale }).where(eq(users.id, userIdOf("manager"))).run();
}

// ---------------------------------------------------------------- records that differ

const made: Record<string, number> = {};

beforeAll(() => {
  const coordinator = actingAs("coordinator");
  const db = sqlite();
  // An organization changed at 23:30 UTC on 29 Nov: 01:30 on 30 Nov in Sofia.
  made.lateOrganization = createOrganization(coordinator, {
    name: "Сдружение „Късна смяна“", kind: "ngo", oblast: null, municipality: null, address: null, website: null,
    email: null, phone: "+359 2 987 6543", description: "=1+2 не е формула", tags: ["Донор", "Манифест", "Съорганизатор на форума"],
  });
  db.prepare("UPDATE organizations SET updated_at = ? WHERE id = ?").run("2026-11-29T23:30:00.000Z", made.lateOrganization);

  // An archived person without an organization or an e-mail, changed just after midnight in Sofia's summer.
  made.archivedPerson = createPerson(coordinator, {
    name: "Архивиран Контакт", position: null, organizationId: null, email: null, phone: "+359 88 123 4567", languages: null, notes: "-стар запис",
  });
  setPersonArchived(coordinator, made.archivedPerson, 1, true);
  db.prepare("UPDATE people SET updated_at = ? WHERE id = ?").run("2026-06-30T21:15:00.000Z", made.archivedPerson);

  // A partnership with no members, project, owner or dates; another with a lead and two partners.
  made.barePartnership = createPartnership(coordinator, {
    title: "Партньорство без членове", kind: "advocacy", project: null, status: "exploring", startsOn: null, endsOn: null, ownerId: null, description: null,
  });
  made.fullPartnership = createPartnership(
    coordinator,
    { title: "Партньорство с трима членове", kind: "implementation", project: "НИЕМ", status: "active", startsOn: "2026-01-01", endsOn: "2026-12-31", ownerId: coordinator.id, description: null },
    {},
    { organizationId: orgId(SOFIA), role: "lead" },
  );
  addPartnershipMember(coordinator, made.fullPartnership, { organizationId: orgId(RED_CROSS), role: "partner" });
  addPartnershipMember(coordinator, made.fullPartnership, { organizationId: made.lateOrganization, role: "funder" });

  // A commitment with no event, partnership, owner or due date, two co-pledgers and one update late in the evening (UTC).
  made.bareCommitment = createCommitment(coordinator, {
    title: "Ангажимент без връзки", description: null, leadOrganizationId: orgId(SOFIA), coPledgerIds: [orgId(RED_CROSS), made.lateOrganization],
    eventId: null, partnershipId: null, niemDimension: "housing", kind: "service", dueOn: null, ownerId: null, sharedWithPartner: false,
  });
  addCommitmentUpdate(coordinator, made.bareCommitment, { note: "@първа среща проведена", statusChange: "in_progress", evidenceUrl: null });
  db.prepare("UPDATE commitment_updates SET created_at = ? WHERE commitment_id = ?").run("2026-01-31T22:30:00.000Z", made.bareCommitment);
  made.partnershipCommitment = createCommitment(coordinator, {
    title: "Ангажимент в партньорството", description: null, leadOrganizationId: orgId(RED_CROSS), coPledgerIds: [],
    eventId: null, partnershipId: made.fullPartnership, niemDimension: "health", kind: "service", dueOn: "2026-12-10", ownerId: coordinator.id, sharedWithPartner: true,
  });
  addCommitmentUpdate(coordinator, made.partnershipCommitment, { note: "Изпълнено отчасти", statusChange: "partially_fulfilled", evidenceUrl: null });
  // Two more that were not kept: the partnership's rate is ½ / 3 = 16.7 %, not a whole number.
  for (const title of ["Неизпълнен ангажимент 1", "Неизпълнен ангажимент 2"]) {
    const id = createCommitment(coordinator, {
      title, description: null, leadOrganizationId: orgId(RED_CROSS), coPledgerIds: [], eventId: null, partnershipId: made.fullPartnership,
      niemDimension: "employment", kind: "employment", dueOn: "2026-03-01", ownerId: null, sharedWithPartner: false,
    });
    addCommitmentUpdate(coordinator, id, { note: "Не е изпълнен", statusChange: "not_fulfilled", evidenceUrl: null });
  }

  // A follow-up with no assignee and no link; one completed just after midnight in Sofia.
  made.bareFollowUp = createFollowUp(coordinator, {
    title: "Задача без връзки", notes: null, dueOn: "2026-12-10", assigneeId: null, organizationId: null, personId: null,
    partnershipId: null, commitmentId: null, eventId: null, status: "open", sharedWithOrganizationId: null,
  });
  made.doneFollowUp = createFollowUp(coordinator, {
    title: "Изпълнена след полунощ", notes: "+ бележка", dueOn: "2026-06-01", assigneeId: coordinator.id, organizationId: orgId(SOFIA), personId: null,
    partnershipId: made.fullPartnership, commitmentId: made.partnershipCommitment, eventId: null, status: "open", sharedWithOrganizationId: orgId(SOFIA),
  });
  markFollowUpDone(coordinator, made.doneFollowUp, 1);
  db.prepare("UPDATE follow_ups SET completed_at = ?, completion_note = ? WHERE id = ?").run("2026-05-31T21:30:00.000Z", "Готово", made.doneFollowUp);
});

// ---------------------------------------------------------------- the variety the files must show

/** The exported rows' ids that have each property: every property must be seen both ways. */
function coverage(kind: ExportKind, ids: number[]): Record<string, [number, number]> {
  const db = sqlite();
  const has = (sql: string) => {
    const yes = new Set((db.prepare(sql).all() as Array<{ id: number }>).map((r) => r.id));
    return [ids.filter((id) => yes.has(id)).length, ids.filter((id) => !yes.has(id)).length] as [number, number];
  };
  const tagCount = (op: string) =>
    has(`SELECT o.id FROM organizations o WHERE (SELECT count(*) FROM organization_tags t WHERE t.organization_id = o.id) ${op}`);
  switch (kind) {
    case "organizations":
      return {
        "no tags": tagCount("= 0"), "one tag": tagCount("= 1"), "several tags": tagCount(">= 2"),
        archived: has("SELECT id FROM organizations WHERE archived = 1"), oblast: has("SELECT id FROM organizations WHERE oblast IS NOT NULL"),
        website: has("SELECT id FROM organizations WHERE website IS NOT NULL"), phone: has("SELECT id FROM organizations WHERE phone IS NOT NULL"),
        email: has("SELECT id FROM organizations WHERE email IS NOT NULL"),
      };
    case "people":
      return {
        archived: has("SELECT id FROM people WHERE archived = 1"), organization: has("SELECT id FROM people WHERE organization_id IS NOT NULL"),
        email: has("SELECT id FROM people WHERE email IS NOT NULL"), phone: has("SELECT id FROM people WHERE phone IS NOT NULL"),
      };
    case "partnerships":
      return {
        members: has("SELECT DISTINCT partnership_id AS id FROM partnership_members"),
        "several members": has("SELECT partnership_id AS id FROM partnership_members GROUP BY partnership_id HAVING count(*) >= 3"),
        commitments: has("SELECT DISTINCT partnership_id AS id FROM commitments WHERE partnership_id IS NOT NULL"),
        project: has("SELECT id FROM partnerships WHERE project IS NOT NULL"), owner: has("SELECT id FROM partnerships WHERE owner_id IS NOT NULL"),
        dates: has("SELECT id FROM partnerships WHERE starts_on IS NOT NULL"),
      };
    case "commitments":
      return {
        event: has("SELECT id FROM commitments WHERE event_id IS NOT NULL"), partnership: has("SELECT id FROM commitments WHERE partnership_id IS NOT NULL"),
        owner: has("SELECT id FROM commitments WHERE owner_id IS NOT NULL"), due: has("SELECT id FROM commitments WHERE due_on IS NOT NULL"),
        "co-pledgers": has("SELECT DISTINCT commitment_id AS id FROM commitment_co_pledgers"),
        updates: has("SELECT DISTINCT commitment_id AS id FROM commitment_updates"),
      };
    case "follow-ups":
      return Object.fromEntries(
        ["assignee_id", "organization_id", "person_id", "partnership_id", "commitment_id", "event_id", "shared_with_organization_id", "completed_at", "notes"].map(
          (column) => [column, has(`SELECT id FROM follow_ups WHERE ${column} IS NOT NULL`)],
        ),
      );
  }
}

const kinds: ExportKind[] = ["organizations", "people", "partnerships", "commitments", "follow-ups"];

describe("every cell of every export equals the record's own page", () => {
  for (const kind of kinds) {
    it(`${kind}: CSV (Bulgarian, «;») and XLSX, every row and column`, async () => {
      setLocale("bg");
      const t = makeTranslate("bg");
      const [header, ...records] = readCsv(await download(`${kind}.csv`, everything[kind]), ";");
      const sheet = await readXlsx(await download(`${kind}.xlsx`, everything[kind]));
      const ids = records.map((r) => Number(r[0]));
      expect(ids.length).toBeGreaterThan(5);
      for (const [property, [withIt, without]] of Object.entries(coverage(kind, ids))) {
        expect(withIt, `${kind} rows with ${property}`).toBeGreaterThan(0);
        expect(without, `${kind} rows without ${property}`).toBeGreaterThan(0);
      }
      expect(sheet.rowCount - 1).toBe(records.length);
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(header);

      for (const [i, record] of records.entries()) {
        const expected = await expectedRow[kind](ids[i]!, t);
        expect(record.length, `${kind} ${ids[i]} columns`).toBe(expected.length);
        expect(record, `${kind} ${ids[i]} CSV`).toEqual(expected.map((e) => csvCell(e, "bg")));
        const row = sheet.getRow(i + 2);
        expected.forEach((e, c) => checkXlsxCell(row.getCell(c + 1), e, `${kind} ${ids[i]} XLSX ${header[c]}`));
      }
    });
  }

  it("in English: «,» and decimal points, English labels, every row and column", async () => {
    setLocale("en");
    try {
      const t = makeTranslate("en");
      for (const kind of kinds) {
        const [, ...records] = readCsv(await download(`${kind}.csv`, everything[kind]), ",");
        expect(records.length).toBeGreaterThan(5);
        for (const record of records) {
          const expected = await expectedRow[kind](Number(record[0]), t);
          expect(record, `${kind} ${record[0]} CSV (en)`).toEqual(expected.map((e) => csvCell(e, "en")));
        }
      }
    } finally {
      setLocale("bg");
    }
  });

  it("the records made to differ are there with the cells the issue names", async () => {
    setLocale("bg");
    const [, ...organizations] = readCsv(await download("organizations.csv", "?archived=all"), ";");
    const late = organizations.find((r) => Number(r[0]) === made.lateOrganization)!;
    expect(late[11]).toBe("Донор, Манифест, Съорганизатор на форума");
    expect(late[13]).toBe("2026-11-30 01:30");
    // Tags are per organization: not every row carries the same ones.
    expect(new Set(organizations.map((r) => r[11])).size).toBeGreaterThan(2);
    expect(organizations.filter((r) => r[11] === "").length).toBeGreaterThan(40);

    const sheet = await readXlsx(await download("organizations.xlsx", "?archived=all"));
    const lateRow = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => r.getCell(1).value === made.lateOrganization)!;
    expect(lateRow.getCell(10).value).toBe("+359 2 987 6543");
    expect(lateRow.getCell(11).value).toBe("=1+2 не е формула");
    expect(late[9]).toBe("'+359 2 987 6543");

    const [, ...followUps] = readCsv(await download("follow-ups.csv", ""), ";");
    expect(followUps.find((r) => Number(r[0]) === made.doneFollowUp)![11]).toBe("2026-06-01");
    const [, ...commitments] = readCsv(await download("commitments.csv", ""), ";");
    expect(commitments.find((r) => Number(r[0]) === made.bareCommitment)![15]).toBe("2026-02-01");
    const [, ...partnerships] = readCsv(await download("partnerships.csv", ""), ";");
    // One of its three commitments partially fulfilled, two not: ½ / 3 = 16.7 %, with a decimal comma in Bulgarian.
    const full = partnerships.find((r) => Number(r[0]) === made.fullPartnership)!;
    expect(full.slice(10)).toEqual(["3", "16,7"]);
  });
});
