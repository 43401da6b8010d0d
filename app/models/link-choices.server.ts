// The short id+label lists that record forms offer in their select boxes (staff only),
// and the checks that a submitted id is one of them: a forged id becomes a field error, not a 500.
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "../db/client.server.ts";
import { commitments, events, organizations, partnerships, people, users } from "../db/schema.ts";
import type { Locale, Role } from "../domain/enums.ts";
import { defaultLocale, formatDate } from "../i18n/i18n.ts";
import type { FieldErrors } from "../lib/forms.ts";
import { ftsMatchExpression } from "../lib/fts-query.ts";
import { matchRank } from "./query.server.ts";

export type Choice = { id: number; label: string };

/** Active users with one of the roles (owners: coordinators and admins; assignees: all staff). */
export function userChoices(roles: readonly Role[]): Choice[] {
  return getDb()
    .select({ id: users.id, label: users.name })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, [...roles])))
    .orderBy(asc(users.name))
    .all();
}

export const OWNER_ROLES = ["admin", "coordinator"] as const satisfies readonly Role[];
export const ASSIGNEE_ROLES = ["admin", "manager", "coordinator"] as const satisfies readonly Role[];

/** Events newest first, «Title (date)» with the date as the user writes dates. */
export function eventChoices(locale: Locale = defaultLocale): Choice[] {
  return getDb().select({ id: events.id, label: events.title, startsOn: events.startsOn }).from(events).orderBy(desc(events.startsOn)).all()
    .map((e) => ({ id: e.id, label: `${e.label} (${formatDate(locale, e.startsOn)})` }));
}

export function partnershipChoices(): Choice[] {
  return getDb().select({ id: partnerships.id, label: partnerships.title }).from(partnerships).orderBy(asc(partnerships.sortKey)).all();
}

export function commitmentChoices(): Choice[] {
  return getDb().select({ id: commitments.id, label: commitments.title }).from(commitments).orderBy(asc(commitments.sortKey)).all();
}

export function personChoices(): Choice[] {
  return getDb().select({ id: people.id, label: people.name }).from(people).where(eq(people.archived, false)).orderBy(asc(people.sortKey)).all();
}

// ---------------------------------------------------------------- pickers for big tables
// Organizations (100k), people (300k) and commitments (50k) are too many for a <select>: a picker
// offers the first PICKER_INITIAL by name plus the current value(s), and a search box that asks
// /choices/<kind>?q= for at most PICKER_MATCHES matches (components/RecordPicker.tsx).

export const pickerKinds = ["organizations", "people", "commitments"] as const;
export type PickerKind = (typeof pickerKinds)[number];
export const PICKER_INITIAL = 100;
export const PICKER_MATCHES = 20;
/** FTS candidates looked at before ordering: «sofia» matches 30,000 organizations. */
const PICKER_CANDIDATES = 500;

const pickerTables = {
  organizations: { table: organizations, label: organizations.name, name: organizations.name, hasArchived: true },
  // «Name (Organization)»: among 300,000 people many share a name.
  people: {
    table: people,
    label: sql<string>`${people.name} || coalesce(' (' || (SELECT o.name FROM organizations o WHERE o.id = ${people.organizationId}) || ')', '')`,
    name: people.name,
    hasArchived: true,
  },
  commitments: { table: commitments, label: commitments.title, name: commitments.title, hasArchived: false },
} as const;

/** The first PICKER_INITIAL active records by name, then the selected ones that are not among them. */
export function pickerChoices(kind: PickerKind, selected: Array<number | null | undefined> = []): Choice[] {
  const db = getDb();
  const { table, label, hasArchived } = pickerTables[kind];
  const archived = hasArchived ? (table as typeof organizations).archived : null;
  // `+archived` keeps the planner on the (archived, sort_key, id) index read in order, whatever
  // the other archived-first indexes' statistics say: 100 index entries, no sort.
  const first: Choice[] = db
    .select({ id: table.id, label })
    .from(table)
    .where(archived ? sql`+${archived} = 0` : undefined)
    .orderBy(...(archived ? [asc(archived)] : []), asc(table.sortKey), asc(table.id))
    .limit(PICKER_INITIAL)
    .all();
  const seen = new Set(first.map((c) => c.id));
  const missing = [...new Set(selected.filter((id): id is number => typeof id === "number" && !seen.has(id)))].slice(0, 500);
  if (!missing.length) return first;
  const extra = db.select({ id: table.id, label }).from(table).where(inArray(table.id, missing)).orderBy(asc(table.sortKey), asc(table.id)).all();
  return [...extra, ...first];
}

/** At most PICKER_MATCHES records whose name matches every word of q (FTS prefix match): exact names, then names starting with q, then the rest. */
export function findPickerChoices(kind: PickerKind, q: string): Choice[] {
  const match = ftsMatchExpression(q.replace(/\u0000/g, "").slice(0, 200));
  if (!match) return [];
  const { table, label, name, hasArchived } = pickerTables[kind];
  const rank = matchRank(name, table.searchKey, q.replace(/\u0000/g, "").slice(0, 200))!;
  const fts = sql.identifier(`${kind === "people" ? "people" : kind}_fts`);
  return getDb()
    .select({ id: table.id, label })
    .from(table)
    .where(sql`${table.id} IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ${match} LIMIT ${PICKER_CANDIDATES})`)
    .orderBy(...(hasArchived ? [asc((table as typeof organizations).archived)] : []), asc(rank), sql`length(${table.sortKey})`, asc(table.sortKey), asc(table.id))
    .limit(PICKER_MATCHES)
    .all();
}

type RefKind = "organization" | "person" | "event" | "partnership" | "commitment" | "owner" | "assignee";

/** Field errors for ids that do not name an existing record of the right kind. */
export function checkReferences(refs: Array<[field: string, kind: RefKind, id: number | null | undefined]>): FieldErrors {
  const db = getDb();
  const errors: FieldErrors = {};
  for (const [field, kind, id] of refs) {
    if (id == null) continue;
    let ok: boolean;
    switch (kind) {
      case "organization":
        ok = !!db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, id)).get();
        break;
      case "person":
        ok = !!db.select({ id: people.id }).from(people).where(eq(people.id, id)).get();
        break;
      case "event":
        ok = !!db.select({ id: events.id }).from(events).where(eq(events.id, id)).get();
        break;
      case "partnership":
        ok = !!db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.id, id)).get();
        break;
      case "commitment":
        ok = !!db.select({ id: commitments.id }).from(commitments).where(eq(commitments.id, id)).get();
        break;
      case "owner":
      case "assignee": {
        const roles: readonly Role[] = kind === "owner" ? OWNER_ROLES : ASSIGNEE_ROLES;
        const u = db.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, id)).get();
        ok = !!u && u.active && roles.includes(u.role);
        break;
      }
    }
    if (!ok) (errors[field] ??= []).push("invalidChoice");
  }
  return errors;
}
