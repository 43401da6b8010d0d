// Copies of an erased person's words in other records (issue 13): a follow-up titled after them,
// an interaction's notes with their e-mail, the reminder in the outbox, an uploaded file. Found
// generically — every text column of every table, read from sqlite_master and table_info, so a
// table added later is searched too — listed on the erase page before confirming, and redacted
// by the erasure itself.
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { getDb, type Db, type DbOrTx } from "../db/client.server.ts";
import { derivedColumns, interactionKeys, organizationKeys, personKeys, refugeeContactKeys, titledKeys } from "../db/derived.ts";
import { entityTypes, type EntityType } from "../domain/enums.ts";
import { searchKey, sortKey, transliterate } from "../lib/transliterate.ts";
import { writeAudit } from "./audit.server.ts";
import { uploadDir } from "./evidence.server.ts";

/**
 * What replaces an erased value inside other text. Bulgarian, like everything stored (free text is
 * written in Bulgarian and the erased contact's label is stored as «Изтрит контакт #id» too), in
 * brackets so a reader sees at once that words were taken out rather than never written.
 */
export const REDACTED = "[изтрито]";

/** Values shorter than this would match unrelated words; they are not searched for. */
const MIN_LENGTH = 3;
/** Uploaded files are searched for byte sequences at least this long (shorter ones occur by chance in binary data). */
const MIN_FILE_BYTES = 6;

/**
 * Tables never searched: SQLite's own, the account tables (a staff member's own name or session is
 * not a copy of anyone's data) and the audit log, which the erasure scrubs itself (it is JSON
 * with its own rules). Virtual tables and their shadow tables are skipped too: the full-text
 * indexes are external-content indexes that follow their tables through triggers.
 */
const skippedTables = new Set(["users", "sessions", "audit_entries", "__drizzle_migrations"]);

const snake = (camel: string) => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const camel = (snakeName: string) => snakeName.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
/** Sort and search keys, Latin names: recomputed from the redacted text, never searched themselves. */
const derivedSqlColumns = new Set([...derivedColumns].map(snake));

type Row = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : null);
const snakeKeys = (keys: Record<string, string>) => Object.fromEntries(Object.entries(keys).map(([k, v]) => [snake(k), v]));

/** How each table's derived columns follow from its text (app/db/derived.ts, as the writers call it). */
const rederive: Record<string, (r: Row) => Record<string, string>> = {
  organizations: (r) => snakeKeys(organizationKeys({ name: str(r.name) ?? "", municipality: str(r.municipality), email: str(r.email) })),
  people: (r) => snakeKeys(personKeys({ name: str(r.name) ?? "", email: str(r.email), position: str(r.position) })),
  refugee_contacts: (r) => snakeKeys(refugeeContactKeys({ name: str(r.name) ?? "" })),
  events: (r) => snakeKeys(titledKeys({ title: str(r.title) ?? "", extra: str(r.series) })),
  partnerships: (r) => snakeKeys(titledKeys({ title: str(r.title) ?? "", extra: str(r.project) })),
  commitments: (r) => snakeKeys(titledKeys({ title: str(r.title) ?? "" })),
  follow_ups: (r) => snakeKeys(titledKeys({ title: str(r.title) ?? "" })),
  interactions: (r) => snakeKeys(interactionKeys({ subject: str(r.subject) ?? "" })),
};

/** A table that has no entry above still loses the folded forms of the values from its derived columns. */
function foldDerived(value: string, needles: string[]): string {
  let out = value;
  for (const n of needles) {
    for (const fold of [searchKey, sortKey, transliterate]) {
      const folded = fold(n);
      if (folded.length >= MIN_LENGTH) out = out.split(folded).join(fold(REDACTED));
    }
  }
  return out;
}

export function entityTypeOfTable(table: string): EntityType | null {
  if (table === "people") return "person";
  return entityTypes.find((t) => `${t}s` === table) ?? null;
}

// ---------------------------------------------------------------- the values and their patterns

/** The distinct values to look for, without blanks and very short ones. */
export function searchableValues(values: Array<string | null | undefined>): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === "string" && v.trim().length >= MIN_LENGTH).map((v) => v.trim()))];
}

/** The forms a value takes in stored text: as typed, lower-case, and escaped inside JSON (imports' undo data, audit entries). */
export function variantsOf(values: string[]): string[] {
  return [...new Set(values.flatMap((v) => [v, v.toLowerCase(), JSON.stringify(v).slice(1, -1)]))];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whole-word matches only: erasing «Али» must not touch «Алиса». Longest first, so a full name wins over its part. */
function matcherOf(values: string[]): RegExp {
  const alternatives = variantsOf(values)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives})(?![\\p{L}\\p{N}_])`, "giu");
}

/** The text with every whole-word occurrence of the values replaced by «[изтрито]». */
export function redactText(text: string, values: string[]): string {
  return values.length ? text.replace(matcherOf(values), REDACTED) : text;
}

// ---------------------------------------------------------------- records

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** SQLite's affinity rules: a declared type holding CHAR, CLOB or TEXT is text; no type at all may hold anything. */
const textAffinity = (declared: string) => declared.trim() === "" || /CHAR|CLOB|TEXT/i.test(declared);

type TableInfo = { name: string; keyColumns: string[]; textColumns: string[]; derived: string[]; hasVersion: boolean; hasUpdatedAt: boolean };

/**
 * The one connection of this process: raw statements over tables named at run time. Inside a
 * transaction they run in it (better-sqlite3 is synchronous, one connection per process).
 */
const sqlite = () => getDb().$client;

/** Every ordinary table and its columns, straight from the schema SQLite has (not from a hand list). */
function tablesToSearch(): TableInfo[] {
  const all = sqlite().prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string; sql: string | null }>;
  const virtual = all.filter((t) => /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(t.sql ?? "")).map((t) => t.name);
  return all
    .filter((t) => !t.name.startsWith("sqlite_") && !skippedTables.has(t.name))
    .filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)))
    .map((t) => {
      const columns = sqlite().prepare(`PRAGMA table_info(${quote(t.name)})`).all() as Array<{ name: string; type: string; pk: number }>;
      const withoutRowid = /WITHOUT\s+ROWID/i.test(t.sql ?? "");
      return {
        name: t.name,
        keyColumns: withoutRowid ? columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name) : ["rowid"],
        // Columns of text affinity (TEXT, VARCHAR, CLOB…) or none: ids, counts and flags are skipped.
        textColumns: columns.filter((c) => textAffinity(c.type) && !derivedSqlColumns.has(c.name)).map((c) => c.name),
        derived: columns.map((c) => c.name).filter((c) => derivedSqlColumns.has(c)),
        hasVersion: columns.some((c) => c.name === "version"),
        hasUpdatedAt: columns.some((c) => c.name === "updated_at"),
      };
    });
}

export type RecordCopy = {
  table: string;
  /** The row's id (its rowid), or null for a table keyed otherwise. */
  id: number | null;
  entityType: EntityType | null;
  columns: string[];
  /** The first match with some words around it, so a reader can tell a real copy from a namesake. */
  excerpt: string | null;
  /** The staff page of the record, where there is one. */
  href: string | null;
};

type Found = RecordCopy & { key: unknown[]; row: Row; info: TableInfo };

function hrefOf(table: string, id: number | null, row: Row): string | null {
  if (id == null) return null;
  switch (table) {
    case "organizations": return `/organizations/${id}`;
    case "people": return `/people/${id}`;
    case "refugee_contacts": return `/refugees/${id}`;
    case "events": return `/events/${id}`;
    case "partnerships": return `/partnerships/${id}`;
    case "commitments": return `/commitments/${id}`;
    case "follow_ups": return `/follow-ups/${id}`;
    case "interactions": return `/interactions/${id}/edit`;
    case "commitment_updates": return typeof row.commitment_id === "number" ? `/commitments/${row.commitment_id}` : null;
    case "imports": return `/imports/${id}`;
    case "outbox": return "/admin/outbox";
    default: return null;
  }
}

function excerptOf(text: string, index: number, length: number): string {
  const from = Math.max(0, index - 60);
  const to = Math.min(text.length, index + length + 60);
  return `${from > 0 ? "…" : ""}${text.slice(from, to).replace(/\s+/g, " ")}${to < text.length ? "…" : ""}`;
}

function findRecordCopies(values: string[], except: { table: string; id: number }): Found[] {
  if (!values.length) return [];
  const needles = variantsOf(values);
  const matcher = matcherOf(values);
  const found: Found[] = [];
  for (const info of tablesToSearch()) {
    if (!info.textColumns.length) continue;
    // SQLite narrows the rows (instr is exact and fast); the whole-word check is done here.
    const conditions = info.textColumns.flatMap((c) => needles.map(() => `instr(${quote(c)}, ?) > 0`));
    const keySelect = info.keyColumns[0] === "rowid" ? `rowid AS "__key0", ` : info.keyColumns.map((k, i) => `${quote(k)} AS "__key${i}", `).join("");
    const statement = `SELECT ${keySelect}* FROM ${quote(info.name)} WHERE ${conditions.join(" OR ")}`;
    const params = info.textColumns.flatMap(() => needles);
    const rows = sqlite().prepare(statement).all(...params) as Row[];
    for (const row of rows) {
      const key = info.keyColumns.map((_, i) => row[`__key${i}`]);
      const id = info.keyColumns[0] === "rowid" ? Number(key[0]) : null;
      if (info.name === except.table && id === except.id) continue;
      const columns: string[] = [];
      let excerpt = "";
      for (const column of info.textColumns) {
        const text = row[column];
        if (typeof text !== "string") continue;
        matcher.lastIndex = 0;
        const match = matcher.exec(text);
        if (!match) continue;
        columns.push(column);
        excerpt ||= excerptOf(text, match.index, match[0].length);
      }
      if (!columns.length) continue;
      const entityType = entityTypeOfTable(info.name);
      found.push({ table: info.name, id, entityType, columns, excerpt, href: hrefOf(info.name, id, row), key, row, info });
    }
  }
  return found;
}

// ---------------------------------------------------------------- uploaded files

export type FileCopy = { storageName: string; evidenceId: number | null; originalName: string | null };

/** Files in the upload folder whose bytes contain a value (as UTF-8): text inside PDFs, image metadata. */
function findFileCopies(values: string[]): FileCopy[] {
  const dir = uploadDir();
  if (!fs.existsSync(dir)) return [];
  const needles = variantsOf(values).map((v) => Buffer.from(v, "utf8")).filter((b) => b.length >= MIN_FILE_BYTES);
  if (!needles.length) return [];
  const copies: FileCopy[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const bytes = fs.readFileSync(path.join(dir, entry.name));
    if (!needles.some((n) => bytes.includes(n))) continue;
    const evidence = sqlite().prepare("SELECT id, original_name AS originalName FROM evidence_files WHERE storage_name = ?").get(entry.name) as
      | { id: number; originalName: string }
      | undefined;
    copies.push({ storageName: entry.name, evidenceId: evidence?.id ?? null, originalName: evidence?.originalName ?? null });
  }
  return copies;
}

/** Overwrites and removes the files (after the erasure has committed). The evidence link then answers 404. */
export function removeFiles(copies: FileCopy[]) {
  const dir = uploadDir();
  for (const copy of copies) {
    const file = path.join(dir, path.basename(copy.storageName));
    try {
      fs.writeFileSync(file, Buffer.alloc(fs.statSync(file).size));
      fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
}

// ---------------------------------------------------------------- listing and redacting

export type PersonalDataCopies = { records: RecordCopy[]; files: FileCopy[] };

/** What the erase page lists before the user confirms. */
export function findCopies(values: string[], except: { table: string; id: number }): PersonalDataCopies {
  const records = findRecordCopies(values, except).map(({ table, id, entityType, columns, excerpt, href }) => ({ table, id, entityType, columns, excerpt, href }));
  return { records, files: findFileCopies(values) };
}

/**
 * Inside the erasure's transaction: every copy in another record becomes «[изтрито]», derived
 * keys are recomputed, the version moves on (a form opened before cannot write the old text
 * back) and each changed record gets a "redact" audit entry naming the fields, never the values.
 * Returns what was changed, for the erasure's own audit entry, and the files to remove afterwards.
 */
export function redactCopies(
  tx: DbOrTx,
  values: string[],
  except: { table: string; id: number },
  audit: { userId: number; ip?: string | null },
): { records: Array<{ table: string; id: number | null; columns: string[] }>; files: FileCopy[]; touchedTables: string[] } {
  const found = findRecordCopies(values, except);
  const matcher = matcherOf(values);
  const now = new Date().toISOString();
  for (const copy of found) {
    const { info, row } = copy;
    const next: Row = {};
    for (const column of copy.columns) next[column] = (row[column] as string).replace(matcher, REDACTED);
    const merged = { ...row, ...next };
    if (rederive[info.name]) Object.assign(next, rederive[info.name]!(merged));
    else for (const column of info.derived) if (typeof row[column] === "string") next[column] = foldDerived(row[column] as string, values);
    if (info.hasVersion && typeof row.version === "number") next.version = row.version + 1;
    if (info.hasUpdatedAt) next.updated_at = now;
    const assignments = Object.keys(next).map((c) => `${quote(c)} = ?`).join(", ");
    const where = info.keyColumns.map((k) => `${quote(k)} = ?`).join(" AND ");
    sqlite().prepare(`UPDATE ${quote(info.name)} SET ${assignments} WHERE ${where}`).run(...Object.values(next), ...copy.key);
    if (copy.entityType && copy.id != null) {
      writeAudit(tx, {
        userId: audit.userId,
        action: "redact",
        entityType: copy.entityType,
        entityId: copy.id,
        changes: Object.fromEntries(copy.columns.map((c) => [camel(c), REDACTED])),
        detail: { reason: "erasure", erasedEntity: except.table, erasedId: except.id },
        ip: audit.ip,
      });
    }
  }
  return {
    records: found.map(({ table, id, columns }) => ({ table, id, columns })),
    files: findFileCopies(values),
    touchedTables: [...new Set(found.map((f) => f.table))],
  };
}

/**
 * Full-text indexes keep deleted terms in older segments until merged: merge those of the given
 * tables now, so the former words are gone from the file as well as from the index's answers.
 */
export function purgeSearchIndexes(tx: DbOrTx, tables: string[]) {
  const indexes = tx.all<{ name: string; sql: string }>(sql`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'`);
  for (const index of indexes) {
    const content = /content\s*=\s*'([^']+)'/i.exec(index.sql)?.[1];
    if (content && tables.includes(content)) tx.run(sql.raw(`INSERT INTO ${quote(index.name)}(${quote(index.name)}) VALUES ('optimize')`));
  }
}

/**
 * Moves every page of the WAL into the database file and empties the WAL (TRUNCATE), so the old
 * page images holding erased values leave the disk now rather than when later writes recycle
 * them. Another worker reading at that moment makes the checkpoint busy: it is retried for a few
 * seconds without blocking the event loop (busy_timeout is lifted for the attempt itself).
 * Returns whether the WAL was emptied.
 */
export async function checkpointTruncate(db: Db, options: { attempts?: number; pauseMs?: number } = {}): Promise<boolean> {
  const client = db.$client;
  if (client.memory) return true;
  const attempts = options.attempts ?? 50;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const timeout = client.pragma("busy_timeout", { simple: true }) as number;
    let busy = true;
    try {
      client.pragma("busy_timeout = 0");
      const [result] = client.pragma("wal_checkpoint(TRUNCATE)") as Array<{ busy: number; log: number; checkpointed: number }>;
      busy = !result || result.busy !== 0;
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
    } finally {
      client.pragma(`busy_timeout = ${timeout}`);
    }
    if (!busy) return true;
    await new Promise((resolve) => setTimeout(resolve, options.pauseMs ?? 100));
  }
  console.error(JSON.stringify({ t: new Date().toISOString(), event: "erasure_checkpoint_busy", attempts }));
  return false;
}
