// CSV import of organizations and people: upload → staged file → preview (every row through the
// SAME zod schema as the form, duplicates against the database and within the file) → commit in
// one transaction (all rows or none) → undo while nothing else has touched the records since.
//
// The uploaded rows wait between the steps in the `imports` row itself (`undo_data` holds them as
// JSON with state "staged"); once committed, `undo_data` holds what undo needs instead.
import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { notFound, requireCapability, type CurrentUser } from "../auth/access.server.ts";
import { getDb, type Tx } from "../db/client.server.ts";
import { commitmentDerived, organizationKeys, personKeys } from "../db/derived.ts";
import { commitments, imports, organizations, organizationTags, people, tags, users } from "../db/schema.ts";
import { commitmentInput, type CommitmentInput } from "../domain/commitment.ts";
import type { NiemDimension } from "../domain/enums.ts";
import {
  checkboxOf,
  commitmentKindOf,
  importFields,
  isoDateOf,
  MAX_IMPORT_ROWS,
  nameKey,
  niemDimensionOf,
  oblastOf,
  organizationKindOf,
  phoneKey,
  ROW_PROBLEMS,
  suggestMapping,
  websiteKey,
  type ImportDecision,
  type ImportKind,
} from "../domain/imports.ts";
import { organizationInput, type OrganizationInput } from "../domain/organization.ts";
import { personInput, type PersonInput } from "../domain/person.ts";
import { parseForm, type FieldErrors } from "../lib/forms.ts";
import { writeAudit } from "./audit.server.ts";
import { CsvReadError, readCsv, type CsvDelimiter, type CsvEncoding } from "./csv-file.server.ts";
import { setTags, tagsOf } from "./organizations.server.ts";

type StagedData = {
  state: "staged";
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  headers: string[];
  rows: string[][];
  /** Rows read with an unbalanced quote (absent in previews staged before it was kept). */
  unbalancedRows?: number[];
  /** The action chosen per line on pages already seen, so paging through the preview keeps them. */
  decisions?: Record<number, string>;
};
type UpdatedRecord = { id: number; before: Record<string, unknown>; tagsBefore?: string[]; version: number; updatedAt: string };
type CommittedData = { state: "committed"; mapping: string[]; created: number[]; updated: UpdatedRecord[]; createdTagIds: number[] };

const tableOf = { organizations, people, commitments } as const;
const inputSchemaOf = { organizations: organizationInput, people: personInput, commitments: commitmentInput } as const;
type ImportInput = OrganizationInput | PersonInput | CommitmentInput;

/** The import column a form field comes from, where their names differ. */
const sourceFieldOf: Record<string, string> = {
  organizationId: "organization",
  leadOrganizationId: "organization",
  eventId: "event",
  sharedWithPartner: "shared",
};

// ---------------------------------------------------------------- 1. upload

export type StageResult = { ok: true; id: number; rows: number } | { ok: false; error: "empty" | "unreadable" | "tooManyRows" };

export function stageImport(user: CurrentUser, kind: ImportKind, fileName: string, bytes: Uint8Array): StageResult {
  requireCapability(user, "import");
  let table;
  try {
    table = readCsv(bytes, MAX_IMPORT_ROWS);
  } catch (error) {
    if (error instanceof CsvReadError) return { ok: false, error: error.code };
    throw error;
  }
  const staged: StagedData = { state: "staged", ...table };
  const db = getDb();
  return db.transaction((tx) => {
    // Previews nobody committed within a day are dropped: they hold whole files.
    const dayAgo = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
    tx.delete(imports)
      .where(and(lt(imports.createdAt, dayAgo), sql`json_extract(${imports.undoData}, '$.state') = 'staged'`))
      .run();
    const row = tx
      .insert(imports)
      .values({ userId: user.id, kind, fileName: cleanFileName(fileName), undoData: JSON.stringify(staged) })
      .returning({ id: imports.id })
      .get();
    return { ok: true as const, id: row.id, rows: table.rows.length };
  });
}

function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return (name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f]/g, "").slice(0, 200) || "import.csv";
}

// ---------------------------------------------------------------- 2. preview

type DuplicateBy = "name" | "email" | "phone" | "website" | "title";

/** Rows shown per page of the preview. */
export const PREVIEW_PAGE_SIZE = 100;
export type PreviewShow = "problems" | "all";
export type PreviewView = { page?: number; show?: PreviewShow | null };

export type PreviewRow = {
  /** Line of the record in the file (the header is line 1). */
  line: number;
  values: Record<string, string>;
  errors: FieldErrors;
  /** by "title": a commitment with the same lead organization and the same folded title. */
  duplicate: { id: number; name: string; by: DuplicateBy } | null;
  duplicateOfLine: number | null;
  decision: ImportDecision;
};

type AnalysedRow = PreviewRow & { data: ImportInput | null; mapped: Set<string> };

export type ImportPreview = {
  id: number;
  kind: ImportKind;
  fileName: string;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  headers: string[];
  mapping: string[];
  totalRows: number;
  /** One page of the rows: those with errors or duplicates (`show: "problems"`) or all of them. */
  rows: PreviewRow[];
  show: PreviewShow;
  page: number;
  pages: number;
  /** Rows with errors or duplicates. */
  problems: number;
  /**
   * create/update/skip: rows without errors by their action; invalid: rows with errors, counted
   * apart (skipped unless the user asked otherwise: those are `blocking`).
   */
  counts: { create: number; update: number; skip: number; invalid: number; duplicates: number; blocking: number };
};

/** A staged import of this user (an admin may finish anyone's); 404 otherwise. */
function loadStaged(user: CurrentUser, id: number) {
  requireCapability(user, "import");
  const row = getDb().select().from(imports).where(eq(imports.id, id)).get();
  if (!row || (row.userId !== user.id && user.role !== "admin")) throw notFound();
  const data = JSON.parse(row.undoData ?? "{}") as StagedData | CommittedData;
  if (data.state !== "staged") return null;
  return { row, data, kind: row.kind as ImportKind };
}

/** Whether the import is still waiting for its commit (false once committed); 404 if not the user's. */
export function isStaged(user: CurrentUser, id: number): boolean {
  return loadStaged(user, id) !== null;
}

/** The mapping to use: the one given (valid field names, each at most once), else the suggested one. */
export function cleanMapping(kind: ImportKind, columnCount: number, given: Array<string | null | undefined>): string[] {
  const allowed = new Set<string>(importFields[kind]);
  const seen = new Set<string>();
  return Array.from({ length: columnCount }, (_, i) => {
    const field = given[i] ?? "";
    if (!allowed.has(field) || seen.has(field)) return "";
    seen.add(field);
    return field;
  });
}

export function previewImport(
  user: CurrentUser,
  id: number,
  mapping: Array<string | null | undefined> | null,
  decisions: Record<number, string> = {},
  view: PreviewView & { skipInvalid?: boolean } = {},
): ImportPreview | null {
  const staged = loadStaged(user, id);
  if (!staged) return null;
  const analysis = analyse(staged.kind, staged.data, mapping, { ...staged.data.decisions, ...decisions }, view.skipInvalid);
  // "Skip every row with errors" overrides what was chosen on other pages too: keep that.
  if (view.skipInvalid) rememberDecisions(staged, Object.fromEntries(analysis.rows.map((r) => [r.line, r.decision])));
  return toPreview(staged, analysis, view);
}

/**
 * Keeps the actions chosen on the page shown (merged with those of pages seen before) with the
 * staged file, so that going to another page of a long preview loses nothing; false once committed.
 */
export function chooseRowActions(user: CurrentUser, id: number, decisions: Record<number, string>): boolean {
  const staged = loadStaged(user, id);
  if (!staged) return false;
  rememberDecisions(staged, { ...staged.data.decisions, ...decisions });
  return true;
}

function rememberDecisions(staged: NonNullable<ReturnType<typeof loadStaged>>, decisions: Record<number, string>) {
  const data: StagedData = { ...staged.data, decisions };
  getDb()
    .update(imports)
    .set({ undoData: JSON.stringify(data) })
    .where(and(eq(imports.id, staged.row.id), sql`json_extract(${imports.undoData}, '$.state') = 'staged'`))
    .run();
}

const hasProblem = (r: AnalysedRow) => Object.keys(r.errors).length > 0 || !!r.duplicate || !!r.duplicateOfLine;

function toPreview(staged: NonNullable<ReturnType<typeof loadStaged>>, analysis: ReturnType<typeof analyse>, view: PreviewView = {}): ImportPreview {
  const { rows, mapping } = analysis;
  const problems = rows.filter(hasProblem);
  // Problems first when there are any: in 10,000 rows they are what needs a look.
  const show: PreviewShow = view.show ?? (problems.length ? "problems" : "all");
  const listed = show === "problems" ? problems : rows;
  const pages = Math.max(1, Math.ceil(listed.length / PREVIEW_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(view.page ?? 1) || 1), pages);
  const strip = ({ data: _data, mapped: _mapped, ...shown }: AnalysedRow): PreviewRow => shown;
  return {
    id: staged.row.id,
    kind: staged.kind,
    fileName: staged.row.fileName,
    encoding: staged.data.encoding,
    delimiter: staged.data.delimiter,
    headers: staged.data.headers,
    mapping,
    totalRows: rows.length,
    rows: listed.slice((page - 1) * PREVIEW_PAGE_SIZE, page * PREVIEW_PAGE_SIZE).map(strip),
    show,
    page,
    pages,
    problems: problems.length,
    counts: analysis.counts,
  };
}

type ExistingRecord = { id: number; name: string; email: string | null; phone: string | null; website?: string | null };
type ContactProbe = { name?: string | null; email?: string | null; phone?: string | null; website?: string | null };

/**
 * Lookups by e-mail, phone and website domain (an organization written in another language or
 * spelling — «Caritas Bulgaria» for «Каритас България» — still has its site, mail and phone).
 * The first record added under a key wins.
 */
function contactIndex() {
  const byEmail = new Map<string, ExistingRecord>();
  const byPhone = new Map<string, ExistingRecord>();
  const byWebsite = new Map<string, ExistingRecord>();
  const put = (map: Map<string, ExistingRecord>, key: string | null | undefined, r: ExistingRecord) => {
    if (key && !map.has(key)) map.set(key, r);
  };
  const add = (r: ExistingRecord) => {
    put(byEmail, r.email?.trim().toLowerCase(), r);
    put(byPhone, phoneKey(r.phone), r);
    put(byWebsite, websiteKey(r.website), r);
  };
  const find = (r: ContactProbe) => {
    const e = r.email?.trim().toLowerCase();
    const p = phoneKey(r.phone);
    const w = websiteKey(r.website);
    if (e && byEmail.has(e)) return { record: byEmail.get(e)!, by: "email" as const };
    if (p && byPhone.has(p)) return { record: byPhone.get(p)!, by: "phone" as const };
    if (w && byWebsite.has(w)) return { record: byWebsite.get(w)!, by: "website" as const };
    return null;
  };
  return { add, find };
}

/** Lookups of records by folded name, then e-mail, phone and website, for duplicate detection within the file. */
function duplicateIndex() {
  const byName = new Map<string, ExistingRecord>();
  const contacts = contactIndex();
  const add = (r: ExistingRecord) => {
    const n = nameKey(r.name);
    if (n && !byName.has(n)) byName.set(n, r);
    contacts.add(r);
  };
  const find = (r: ContactProbe) => {
    const n = nameKey(r.name);
    if (n && byName.has(n)) return { record: byName.get(n)!, by: "name" as const };
    return contacts.find(r);
  };
  return { add, find };
}

type DuplicateProbe = ContactProbe & { lead?: string | null };

/**
 * Commitments are duplicates when they have the same lead organization (`lead`: its id, or the
 * folded name while it is not found) and the same folded title (`name`); the lowest id wins.
 */
function commitmentDuplicateIndex() {
  const byKey = new Map<string, ExistingRecord>();
  const keyOf = (lead: string | null | undefined, titleKey: string | null) => (lead && titleKey ? `${lead}\u0000${titleKey}` : null);
  const put = (id: number, title: string, lead: string | null | undefined, titleKey: string | null) => {
    const key = keyOf(lead, titleKey);
    if (key && !byKey.has(key)) byKey.set(key, { id, name: title, email: null, phone: null });
  };
  const add = (r: { id: number } & DuplicateProbe) => put(r.id, r.name ?? "", r.lead, nameKey(r.name));
  const find = (r: DuplicateProbe) => {
    const key = keyOf(r.lead, nameKey(r.name));
    const hit = key ? byKey.get(key) : undefined;
    return hit ? { record: hit, by: "title" as const } : null;
  };
  return { put, add, find };
}

/** Existing commitments by lead and title; the stored `search_key` is the folded title (app/db/derived.ts). */
function existingCommitmentLookup() {
  const index = commitmentDuplicateIndex();
  const rows = getDb()
    .$client.prepare(`SELECT id, title, lead_organization_id AS lead, search_key FROM commitments ORDER BY id`)
    .all() as Array<{ id: number; title: string; lead: number; search_key: string }>;
  for (const r of rows) index.put(r.id, r.title, String(r.lead), r.search_key || null);
  return index;
}

/** Events by their exact title (trimmed), the lowest id first, for the commitments import. */
function eventIdsByTitle() {
  const ids = new Map<string, number>();
  const rows = getDb().$client.prepare(`SELECT id, title FROM events ORDER BY id`).all() as Array<{ id: number; title: string }>;
  for (const r of rows) if (!ids.has(r.title.trim())) ids.set(r.title.trim(), r.id);
  return ids;
}

/**
 * Existing records as duplicate detection sees them (same rules as `duplicateIndex`: folded name,
 * then e-mail, then phone; the lowest id wins) without folding every record's name: the stored
 * `search_key` already begins with the folded name (app/db/derived.ts), so one read of the keys,
 * sorted, finds a name's candidates by binary search, and only those few are folded to confirm.
 * Folding all 100,000 names took ~1.7 s per preview and again per commit.
 */
function existingRecordLookup(kind: "organizations" | "people") {
  const query =
    kind === "organizations"
      ? `SELECT id, name, email, phone, website, search_key FROM organizations ORDER BY id`
      : `SELECT id, name, email, phone, NULL AS website, search_key FROM people ORDER BY id`;
  const rows = getDb().$client.prepare(query).all() as Array<ExistingRecord & { search_key: string }>;
  const contacts = contactIndex();
  for (const r of rows) contacts.add(r);
  const sorted = rows.map((r) => r.search_key ?? "").map((key, i) => ({ key, i }));
  sorted.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  const byName = new Map<string, ExistingRecord | null>();
  const named = (n: string): ExistingRecord | null => {
    if (byName.has(n)) return byName.get(n)!;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].key < n) lo = mid + 1;
      else hi = mid;
    }
    let best: ExistingRecord | null = null;
    for (let j = lo; j < sorted.length && sorted[j].key.startsWith(n); j++) {
      const { key, i } = sorted[j];
      if (key.length !== n.length && key[n.length] !== " ") continue;
      const r = rows[i];
      if ((!best || r.id < best.id) && nameKey(r.name) === n) best = r;
    }
    byName.set(n, best);
    return best;
  };
  const find = (r: ContactProbe) => {
    const n = nameKey(r.name);
    const hit = n ? named(n) : null;
    if (hit) return { record: hit, by: "name" as const };
    return contacts.find(r);
  };
  const organizationIdByName = (name: string) => {
    const n = nameKey(name);
    return n ? named(n)?.id : undefined;
  };
  return { find, organizationIdByName };
}

/**
 * Every row through the form's schema and duplicate detection. Rows with errors are skipped unless
 * the user asked for another action (`skipInvalid`: skipped whatever was asked).
 */
function analyse(
  kind: ImportKind,
  staged: StagedData,
  givenMapping: Array<string | null | undefined> | null,
  decisions: Record<number, string>,
  skipInvalid = false,
) {
  const { headers, rows } = staged;
  const mapping = givenMapping ? cleanMapping(kind, headers.length, givenMapping) : cleanMapping(kind, headers.length, suggestMapping(kind, headers));
  const mapped = new Set(mapping.filter(Boolean));
  const existing = kind === "commitments" ? existingCommitmentLookup() : existingRecordLookup(kind);
  const inFile = kind === "commitments" ? commitmentDuplicateIndex() : duplicateIndex();
  const unbalanced = new Set(staged.unbalancedRows ?? []);
  // People and commitments name their organization; it is matched the way duplicates are (Latin or Cyrillic, any case).
  const organizationIds = kind === "organizations" ? null : existingRecordLookup("organizations");
  const eventIds = kind === "commitments" ? eventIdsByTitle() : null;

  const analysed: AnalysedRow[] = rows.map((cells, index) => {
    const line = index + 2;
    const values: Record<string, string> = {};
    mapping.forEach((field, column) => {
      if (field) values[field] = (cells[column] ?? "").trim();
    });
    const formValues: Record<string, string> = { ...values };
    const extraErrors: FieldErrors = {};
    // A row that does not line up with the header (a stray separator, a quote left open) may have its values in the wrong fields.
    const rowProblems = rowShapeProblems(cells, headers.length, unbalanced.has(index));
    if (rowProblems.length) extraErrors[ROW_PROBLEMS] = rowProblems;
    if (kind === "organizations") {
      if (values.kind) formValues.kind = organizationKindOf(values.kind);
      if (values.oblast) formValues.oblast = oblastOf(values.oblast);
    } else {
      delete formValues.organization;
      const organizationField = kind === "people" ? "organizationId" : "leadOrganizationId";
      if (values.organization) {
        const organizationId = organizationIds!.organizationIdByName(values.organization);
        if (organizationId) formValues[organizationField] = String(organizationId);
        else extraErrors.organization = ["import.organizationNotFound"];
      }
    }
    if (kind === "commitments") {
      for (const field of ["event", "shared"]) delete formValues[field];
      if (values.event) {
        const eventId = eventIds!.get(values.event);
        if (eventId) formValues.eventId = String(eventId);
        else extraErrors.event = ["import.eventNotFound"];
      }
      if (values.niemDimension) formValues.niemDimension = niemDimensionOf(values.niemDimension);
      if (values.kind) formValues.kind = commitmentKindOf(values.kind);
      if (values.dueOn) formValues.dueOn = isoDateOf(values.dueOn);
      const shared = checkboxOf(values.shared ?? "");
      if (shared === null) extraErrors.shared = ["invalidChoice"];
      else formValues.sharedWithPartner = shared;
    }
    const parsed = parseForm<(typeof inputSchemaOf)[ImportKind]>(inputSchemaOf[kind], formValues);
    const errors: FieldErrors = { ...extraErrors };
    if (!parsed.ok) {
      for (const [field, codes] of Object.entries(parsed.errors)) errors[sourceFieldOf[field] ?? field] ??= codes;
    }
    // A commitment repeats another when its lead organization (found, or else as written) and its title match.
    const lead = values.organization ? (formValues.leadOrganizationId ?? `?${nameKey(values.organization) ?? ""}`) : null;
    const probe: DuplicateProbe =
      kind === "commitments" ? { name: values.title, lead } : { name: values.name, email: values.email, phone: values.phone, website: values.website };
    const dupExisting = existing.find(probe);
    const dupInFile = inFile.find(probe);
    inFile.add({ id: line, name: probe.name ?? "", email: probe.email ?? null, phone: probe.phone ?? null, website: probe.website ?? null, lead });

    const asked = decisions[line];
    const invalid = Object.keys(errors).length > 0;
    const duplicate = dupExisting ? { id: dupExisting.record.id, name: dupExisting.record.name, by: dupExisting.by } : null;
    let decision: ImportDecision = invalid || duplicate || dupInFile ? "skip" : "create";
    if (asked === "skip" || asked === "create") decision = asked;
    if (asked === "update" && duplicate) decision = "update";
    if (invalid && skipInvalid) decision = "skip";
    return {
      line,
      values,
      errors,
      duplicate,
      duplicateOfLine: dupInFile ? dupInFile.record.id : null,
      decision,
      data: parsed.ok && !Object.keys(extraErrors).length ? (parsed.data as ImportInput) : null,
      mapped,
    };
  });

  const counts = { create: 0, update: 0, skip: 0, invalid: 0, duplicates: 0, blocking: 0 };
  for (const r of analysed) {
    // Rows with errors are counted apart, never among those to create.
    if (Object.keys(r.errors).length) {
      counts.invalid++;
      if (r.decision !== "skip") counts.blocking++;
    } else {
      counts[r.decision]++;
    }
    if (r.duplicate || r.duplicateOfLine) counts.duplicates++;
  }
  return { mapping, rows: analysed, counts };
}


/**
 * What is wrong with the row's shape: cells beyond the header's columns that hold something
 * (`extraColumns:N`), fewer cells than columns (`missingColumns:N`), an unbalanced quote.
 */
function rowShapeProblems(cells: string[], columns: number, unbalancedQuote: boolean): string[] {
  const problems: string[] = [];
  if (unbalancedQuote) problems.push("import.unbalancedQuote");
  let last = cells.length;
  while (last > columns && cells[last - 1] === "") last--;
  if (last > columns) problems.push(`import.extraColumns:${last - columns}`);
  else if (cells.length < columns) problems.push(`import.missingColumns:${columns - cells.length}`);
  return problems;
}

/** Drops a staged import that the user decided not to commit (nothing else was written). */
export function cancelImport(user: CurrentUser, id: number): void {
  if (!loadStaged(user, id)) return;
  getDb()
    .delete(imports)
    .where(and(eq(imports.id, id), sql`json_extract(${imports.undoData}, '$.state') = 'staged'`))
    .run();
}

// ---------------------------------------------------------------- 3. commit

export type CommitResult =
  | { ok: true; created: number; updated: number; skipped: number }
  | { ok: false; reason: "invalid"; preview: ImportPreview }
  | { ok: false; reason: "alreadyCommitted" };

/** All rows or none: if any row that is not skipped is invalid, nothing is written. */
export function commitImport(
  user: CurrentUser,
  id: number,
  mapping: Array<string | null | undefined>,
  decisions: Record<number, string>,
  ctx: { ip?: string | null } = {},
  view: PreviewView = {},
): CommitResult {
  const staged = loadStaged(user, id);
  if (!staged) return { ok: false, reason: "alreadyCommitted" };
  const analysis = analyse(staged.kind, staged.data, mapping, { ...staged.data.decisions, ...decisions });
  if (analysis.counts.blocking > 0) return { ok: false, reason: "invalid", preview: toPreview(staged, analysis, view) };

  const kind = staged.kind;
  return getDb().transaction((tx) => {
    // A double submit finds the import already committed by the first one.
    const current = tx.select({ undoData: imports.undoData }).from(imports).where(eq(imports.id, id)).get();
    if (!current || !current.undoData?.startsWith('{"state":"staged"')) return { ok: false as const, reason: "alreadyCommitted" as const };

    const toCreate = analysis.rows.filter((r) => r.decision === "create");
    const toUpdate = analysis.rows.filter((r) => r.decision === "update");
    const tagsBefore = new Set(tx.select({ id: tags.id }).from(tags).all().map((t) => t.id));
    const created =
      kind === "organizations"
        ? createOrganizations(tx, user, id, toCreate.map((r) => r.data as OrganizationInput))
        : kind === "people"
          ? createPeople(tx, user, id, toCreate.map((r) => r.data as PersonInput))
          : createCommitments(user, id, toCreate.map((r) => r.data as CommitmentInput));
    const updated: UpdatedRecord[] = [];
    for (const row of toUpdate) updateRecord(tx, kind, row, updated);
    const createdTagIds = tx
      .select({ id: tags.id })
      .from(tags)
      .all()
      .map((t) => t.id)
      .filter((tagId) => !tagsBefore.has(tagId));

    const skipped = analysis.rows.length - created.length - toUpdate.length;
    const undo: CommittedData = { state: "committed", mapping: analysis.mapping, created, updated, createdTagIds };
    tx.update(imports)
      .set({ createdCount: created.length, updatedCount: updated.length, skippedCount: skipped, undoData: JSON.stringify(undo) })
      .where(eq(imports.id, id))
      .run();
    writeAudit(tx, {
      userId: user.id,
      action: "import",
      entityType: "import",
      entityId: id,
      detail: { kind, fileName: staged.row.fileName, rows: analysis.rows.length, created: created.length, updated: updated.length, skipped },
      ip: ctx.ip,
    });
    return { ok: true as const, created: created.length, updated: updated.length, skipped };
  });
}

/**
 * One prepared INSERT, run once per row inside the commit's transaction: for 10,000 rows this is
 * several times faster than building multi-row inserts through the query builder.
 */
function prepareInsert(columns: Array<{ name: string }>, table: string) {
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  const marks = columns.map(() => "?").join(", ");
  // Transactions run on the app's one connection, so this statement runs inside the commit's.
  return getDb().$client.prepare(`INSERT INTO "${table}" (${names}) VALUES (${marks}) RETURNING id`).pluck();
}

function createOrganizations(tx: Tx, user: CurrentUser, importId: number, inputs: OrganizationInput[]): number[] {
  const o = organizations;
  const insert = prepareInsert(
    [o.name, o.nameLatin, o.sortKey, o.searchKey, o.kind, o.oblast, o.municipality, o.address, o.website, o.email, o.phone, o.description, o.importId, o.createdById],
    "organizations",
  );
  const ids: number[] = [];
  inputs.forEach((input) => {
    const keys = organizationKeys(input);
    const id = insert.get(
      input.name, keys.nameLatin, keys.sortKey, keys.searchKey, input.kind, input.oblast, input.municipality, input.address,
      input.website, input.email, input.phone, input.description, importId, user.id,
    ) as number;
    ids.push(id);
    if (input.tags.length) setTags(tx, id, input.tags);
  });
  return ids;
}

function createPeople(tx: Tx, user: CurrentUser, importId: number, inputs: PersonInput[]): number[] {
  const p = people;
  const insert = prepareInsert(
    [p.name, p.nameLatin, p.sortKey, p.searchKey, p.position, p.email, p.phone, p.languages, p.organizationId, p.notes, p.importId, p.createdById],
    "people",
  );
  return inputs.map((input) => {
    const keys = personKeys(input);
    return insert.get(
      input.name, keys.nameLatin, keys.sortKey, keys.searchKey, input.position, input.email, input.phone, input.languages,
      input.organizationId, input.notes, importId, user.id,
    ) as number;
  });
}

/**
 * Imported commitments start like a new one from the form: the status is the column default, the
 * lifecycle's initial status (app/domain/commitment-lifecycle.ts), never named here. The area follows from the dimension.
 */
function createCommitments(user: CurrentUser, importId: number, inputs: CommitmentInput[]): number[] {
  const c = commitments;
  const insert = prepareInsert(
    [c.title, c.sortKey, c.searchKey, c.description, c.leadOrganizationId, c.eventId, c.niemDimension, c.niemArea, c.kind, c.dueOn, c.sharedWithPartner, c.importId, c.createdById],
    "commitments",
  );
  return inputs.map((input) => {
    const derived = commitmentDerived({ title: input.title, niemDimension: input.niemDimension as NiemDimension });
    return insert.get(
      input.title, derived.sortKey, derived.searchKey, input.description, input.leadOrganizationId, input.eventId, input.niemDimension,
      derived.niemArea, input.kind, input.dueOn, input.sharedWithPartner ? 1 : 0, importId, user.id,
    ) as number;
  });
}

/**
 * Writes a row over the record it duplicates: the file's non-empty cells of mapped columns
 * replace the stored values (except the name, which only found the match); empty cells keep
 * them. The record as it was is kept for undo.
 */
function updateRecord(tx: Tx, kind: ImportKind, row: AnalysedRow, updated: UpdatedRecord[]) {
  const table = tableOf[kind];
  const targetId = row.duplicate!.id;
  const before = tx.select().from(table).where(eq(table.id, targetId)).get() as Record<string, unknown> & { version: number };
  const input = row.data as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(input)) {
    // The name (a commitment's title) found the match, perhaps in another script: the record keeps its own.
    if (field === "tags" || field === "name" || field === "title" || !(field in before)) continue;
    const source = sourceFieldOf[field] ?? field;
    // An empty cell keeps the stored value (an empty "shared" cell parses as false, so the cell is what counts).
    if (row.mapped.has(source) && row.values[source] && value !== null && value !== undefined && value !== "") changes[field] = value;
  }
  const merged = { ...before, ...changes } as unknown as {
    name: string;
    title: string;
    niemDimension: NiemDimension;
    municipality?: string | null;
    email?: string | null;
    position?: string | null;
  };
  const keys = kind === "organizations" ? organizationKeys(merged) : kind === "people" ? personKeys(merged) : commitmentDerived(merged);
  const now = new Date().toISOString();
  const previous = updated.find((u) => u.id === targetId);
  const tagNames = kind === "organizations" ? (input.tags as string[]) : [];
  const tagsBefore = kind === "organizations" ? tagsOf(tx, targetId) : undefined;
  tx.update(table)
    .set({ ...changes, ...keys, version: before.version + 1, updatedAt: now })
    .where(eq(table.id, targetId))
    .run();
  if (kind === "organizations" && row.mapped.has("tags") && tagNames.length) setTags(tx, targetId, tagNames);
  if (previous) {
    previous.version = before.version + 1;
    previous.updatedAt = now;
  } else {
    updated.push({ id: targetId, before, tagsBefore, version: before.version + 1, updatedAt: now });
  }
}

// ---------------------------------------------------------------- 4. undo

export type UndoResult = { ok: true } | { ok: false; reason: "changed" | "referenced" | "notUndoable" };

class UndoRefused extends Error {
  constructor(readonly reason: "changed" | "referenced") {
    super(reason);
  }
}

/**
 * Removes the records the import created and puts back the ones it updated, exactly as they
 * were — only while nothing else has changed them since (version and time unchanged) and no
 * other record has come to point at them; otherwise nothing is touched.
 */
export function undoImport(user: CurrentUser, id: number, ctx: { ip?: string | null } = {}): UndoResult {
  requireCapability(user, "import");
  const db = getDb();
  const row = db.select().from(imports).where(eq(imports.id, id)).get();
  if (!row) throw notFound();
  const data = JSON.parse(row.undoData ?? "{}") as StagedData | CommittedData;
  if (data.state !== "committed" || row.undoneAt) return { ok: false, reason: "notUndoable" };
  const kind = row.kind as ImportKind;
  const table = tableOf[kind];
  try {
    db.transaction((tx) => {
      for (const u of data.updated) {
        const now = tx.select({ version: table.version, updatedAt: table.updatedAt }).from(table).where(eq(table.id, u.id)).get();
        if (!now || now.version !== u.version || now.updatedAt !== u.updatedAt) throw new UndoRefused("changed");
      }
      const created = tx.select({ id: table.id, version: table.version }).from(table).where(eq(table.importId, id)).all();
      if (created.length !== data.created.length || created.some((c) => c.version !== 1)) throw new UndoRefused("changed");

      for (const u of [...data.updated].reverse()) {
        // The status is the lifecycle's to write; an import never changes it, and the version check above says nothing else did.
        const { id: _id, status: _status, statusVerified: _verified, ...columns } = u.before;
        tx.update(table).set(columns).where(eq(table.id, u.id)).run();
        if (kind === "organizations" && u.tagsBefore) setTags(tx, u.id, u.tagsBefore);
      }
      tx.delete(table).where(eq(table.importId, id)).run();
      if (data.createdTagIds.length) {
        tx.delete(tags)
          .where(and(inArray(tags.id, data.createdTagIds), sql`NOT EXISTS (SELECT 1 FROM organization_tags ot WHERE ot.tag_id = ${tags.id})`))
          .run();
      }
      tx.update(imports).set({ undoneAt: new Date().toISOString() }).where(eq(imports.id, id)).run();
      writeAudit(tx, {
        userId: user.id,
        action: "undo_import",
        entityType: "import",
        entityId: id,
        detail: { kind, fileName: row.fileName, removed: data.created.length, reverted: data.updated.length },
        ip: ctx.ip,
      });
    });
  } catch (error) {
    if (error instanceof UndoRefused) return { ok: false, reason: error.reason };
    // Another record (a person, a commitment, …) now points at a created one.
    if (error instanceof Error && "code" in error && String(error.code).startsWith("SQLITE_CONSTRAINT_FOREIGNKEY")) {
      return { ok: false, reason: "referenced" };
    }
    throw error;
  }
  return { ok: true };
}

// ---------------------------------------------------------------- history

export type ImportSummary = {
  id: number;
  kind: ImportKind;
  fileName: string;
  userName: string | null;
  createdAt: string;
  createdCount: number;
  updatedCount: number;
  skippedCount: number;
  undoneAt: string | null;
};

/** The latest committed imports, newest first. */
export function recentImports(user: CurrentUser, limit = 25): ImportSummary[] {
  requireCapability(user, "import");
  return getDb()
    .select({
      id: imports.id,
      kind: imports.kind,
      fileName: imports.fileName,
      userName: users.name,
      createdAt: imports.createdAt,
      createdCount: imports.createdCount,
      updatedCount: imports.updatedCount,
      skippedCount: imports.skippedCount,
      undoneAt: imports.undoneAt,
    })
    .from(imports)
    .leftJoin(users, eq(users.id, imports.userId))
    .where(sql`json_extract(${imports.undoData}, '$.state') = 'committed'`)
    .orderBy(desc(imports.id))
    .limit(limit)
    .all() as ImportSummary[];
}
