// Stored audit changes ({ field: [before, after] } or, for a creation or deletion, { field: value })
// turned into what a person reads: the field's label and its values as the record's page shows
// them (names for ids, enumeration labels, dates). ChangeHistory/ChangeList render the result.
import { inArray } from "drizzle-orm";
import type { CurrentUser } from "../auth/access.server.ts";
import { getDb, type DbOrTx } from "../db/client.server.ts";
import { commitments, events, organizations, partnerships, people, users } from "../db/schema.ts";
import { auditFieldSpec, unshownFields, type ChangeView, type FieldType, type RefKind, type ValueView } from "../domain/audit-fields.ts";
import type { EntityType, Locale } from "../domain/enums.ts";
import { bg, type MessageKey } from "../i18n/messages.ts";
import { formatDate, formatDateTime, type Translate } from "../i18n/i18n.ts";
import { historyOf } from "./audit.server.ts";

/** Long free text is shortened in a history line; the record's page has it whole. */
const LONG_TEXT = 160;

export type StoredChanges = { entityType: string; action: string; changes: string | null };

type RefLookup = (kind: RefKind, id: number) => ValueView;

/** The entries' changes as ChangeView rows, with every referenced record's name looked up once. */
export function presentChanges(entries: StoredChanges[], db: DbOrTx = getDb()): ChangeView[][] {
  const wanted = new Map<RefKind, Set<number>>();
  const collect: RefLookup = (kind, id) => {
    if (!wanted.has(kind)) wanted.set(kind, new Set());
    wanted.get(kind)!.add(id);
    return { kind: "none" };
  };
  entries.forEach((entry) => viewsOf(entry, collect));
  const names = lookUpNames(db, wanted);
  const lookup: RefLookup = (kind, id) => names.get(`${kind}:${id}`) ?? { kind: "message", key: "audit.deletedRecord" };
  return entries.map((entry) => viewsOf(entry, lookup));
}

/** A record's history (newest first) with its changes ready to show. */
export function changeHistoryOf(user: CurrentUser, entityType: EntityType, entityId: number) {
  const db = getDb();
  const entries = historyOf(user, entityType, entityId);
  // A creation's values are the first state of what the page shows above; its line says who and when.
  const changes = presentChanges(entries.map((e) => ({ ...e, entityType, changes: e.action === "create" ? null : e.changes })), db);
  return entries.map((e, i) => ({ id: e.id, at: e.at, action: e.action, userName: e.userName, changes: changes[i] }));
}

function viewsOf(entry: StoredChanges, ref: RefLookup): ChangeView[] {
  if (!entry.changes) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(entry.changes);
  } catch {
    return [];
  }
  if (!isObject(parsed)) return [];
  // A creation or deletion lists the record's values; everything else lists [before, after].
  const listsValues = entry.action === "create" || entry.action === "delete";
  const views: ChangeView[] = [];
  for (const [field, stored] of Object.entries(parsed)) {
    if (unshownFields.has(field)) continue;
    const spec = auditFieldSpec(entry.entityType, field);
    const label: MessageKey = spec?.label ?? "audit.field.other";
    const type: FieldType = spec?.type ?? "text";
    if (!listsValues && Array.isArray(stored) && stored.length === 2) {
      views.push({ field, label, before: valueView(type, stored[0], ref), after: valueView(type, stored[1], ref) });
    } else if (!isEmpty(stored)) {
      views.push({ field, label, after: valueView(type, stored, ref) });
    }
  }
  return views;
}

function valueView(type: FieldType, value: unknown, ref: RefLookup): ValueView {
  if (isEmpty(value)) return { kind: "none" };
  if (typeof type === "object") {
    if ("enumPrefix" in type) return message(`${type.enumPrefix}.${String(value)}`, String(value));
    if ("ref" in type) return typeof value === "number" ? ref(type.ref, value) : text(value);
    const ids = Array.isArray(value) ? value : [value];
    return { kind: "list", items: ids.map((id) => (typeof id === "number" ? ref(type.refs, id) : text(id))) };
  }
  switch (type) {
    case "bool":
      return { kind: "message", key: value ? "common.yes" : "common.no" };
    case "date":
      return { kind: "date", value: String(value) };
    case "dateTime":
      return { kind: "dateTime", value: String(value) };
    case "longText": {
      const full = String(value);
      return text(full.length > LONG_TEXT ? `${full.slice(0, LONG_TEXT).trimEnd()}…` : full);
    }
    case "words":
      return { kind: "list", items: (Array.isArray(value) ? value : [value]).map(text) };
    case "members":
      return { kind: "list", items: (Array.isArray(value) ? value : [value]).map((m) => member(m, ref)) };
    case "participants":
      return Array.isArray(value) ? { kind: "list", items: value.map((p) => participant(p, ref)) } : participant(value, ref);
    case "progressUpdate": {
      if (!isObject(value)) return text(value);
      const parts: Array<{ label: MessageKey; value: ValueView }> = [];
      if (value.note) parts.push({ label: "commitments.update.note", value: valueView("longText", value.note, ref) });
      if (value.statusChange) parts.push({ label: "commitments.update.statusChange", value: valueView({ enumPrefix: "enum.commitmentStatus" }, value.statusChange, ref) });
      if (value.evidenceUrl) parts.push({ label: "commitments.update.evidenceUrl", value: text(value.evidenceUrl) });
      return { kind: "parts", parts };
    }
    case "text":
      return isObject(value) || Array.isArray(value) ? { kind: "none" } : text(value);
  }
}

/** A partnership member: `Name (role)` as written by member changes, or `{ organizationId, role }`. */
function member(value: unknown, ref: RefLookup): ValueView {
  const role = (r: unknown) => message(`enum.partnershipMemberRole.${String(r)}`, String(r));
  if (isObject(value)) {
    return { kind: "withRole", who: typeof value.organizationId === "number" ? ref("organization", value.organizationId) : { kind: "none" }, role: role(value.role) };
  }
  const match = /^(.*) \(([a-z_]+)\)$/.exec(String(value));
  return match ? { kind: "withRole", who: text(match[1]), role: role(match[2]) } : text(value);
}

/** An event participant: `{ organizationId | personId, role }`. */
function participant(value: unknown, ref: RefLookup): ValueView {
  if (!isObject(value)) return text(value);
  const who =
    typeof value.organizationId === "number"
      ? ref("organization", value.organizationId)
      : typeof value.personId === "number"
        ? ref("person", value.personId)
        : ({ kind: "none" } as const);
  return { kind: "withRole", who, role: message(`enum.participantRole.${String(value.role)}`, String(value.role)) };
}

function lookUpNames(db: DbOrTx, wanted: Map<RefKind, Set<number>>): Map<string, ValueView> {
  const names = new Map<string, ValueView>();
  const ids = (kind: RefKind) => [...(wanted.get(kind) ?? [])];
  const tables = [
    ["organization", organizations, organizations.name],
    ["person", people, people.name],
    ["user", users, users.name],
    ["event", events, events.title],
    ["partnership", partnerships, partnerships.title],
    ["commitment", commitments, commitments.title],
  ] as const;
  for (const [kind, table, name] of tables) {
    const list = ids(kind);
    if (!list.length) continue;
    for (const row of db.select({ id: table.id, name }).from(table).where(inArray(table.id, list)).all()) names.set(`${kind}:${row.id}`, text(row.name));
  }
  return names;
}

function message(key: string, fallback: string): ValueView {
  return key in bg ? { kind: "message", key: key as MessageKey } : text(fallback);
}

function text(value: unknown): ValueView {
  return { kind: "text", text: String(value) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

/** The same changes as text, for files: one «Label: before → after» line each, values as the history shows them. */
export function changesAsText(views: ChangeView[], t: Translate, locale: Locale): string {
  return views.map((c) => `${t(c.label)}: ${c.before ? `${valueAsText(c.before, t, locale)} → ` : ""}${valueAsText(c.after, t, locale)}`).join("\n");
}

function valueAsText(value: ValueView, t: Translate, locale: Locale): string {
  switch (value.kind) {
    case "none":
      return t("common.none");
    case "text":
      return value.text;
    case "message":
      return t(value.key);
    case "date":
      return formatDate(locale, value.value);
    case "dateTime":
      return formatDateTime(locale, value.value);
    case "list":
      return value.items.length ? value.items.map((item) => valueAsText(item, t, locale)).join(", ") : t("common.none");
    case "withRole":
      return `${valueAsText(value.who, t, locale)} (${valueAsText(value.role, t, locale)})`;
    case "parts":
      return value.parts.map((part) => `${t(part.label)}: ${valueAsText(part.value, t, locale)}`).join("; ");
  }
}
