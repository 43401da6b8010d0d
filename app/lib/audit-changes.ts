// An audit entry's `changes` JSON → lines a person reads: the field's label as the record's form
// names it, and the value before → after as pages show values (enumeration labels, dates in the
// user's format, yes/no), in the user's language. Pure, so the audit page and its export share it.
// (Once the record history's renderer in components/ChangeHistory.tsx speaks this way too, both
// should use one of them.)
import type { Locale } from "../domain/enums.ts";
import { dictionaries, formatDate, formatDateTime, type MessageKey, type Translate } from "../i18n/i18n.ts";

export type ChangeLine = { field: string; label: string; before: string | null; after: string };

/** Where each record kind's form labels live (the first key that exists wins). */
const labelPrefixes: Record<string, string[]> = {
  organization: ["org."],
  person: ["people."],
  refugee_contact: ["refugees.", "refugees.consent."],
  event: ["events."],
  partnership: ["partnerships.field."],
  commitment: ["commitments.field."],
  commitment_update: ["commitments.field.", "commitments."],
  follow_up: ["followUps.field."],
  interaction: ["interactions."],
  user: ["users.", "profile."],
};

/** Field names whose form label is named otherwise. */
const fieldAliases: Record<string, string> = {
  title: "title",
  leadOrganizationId: "lead",
  ownerId: "owner",
  assigneeId: "assignee",
  organizationId: "organization",
  personId: "person",
  partnershipId: "partnership",
  commitmentId: "commitment",
  eventId: "event",
};

/** Enumerations a field's value belongs to, by record kind. */
const enumOf: Record<string, Record<string, string>> = {
  organization: { kind: "organizationKind", oblast: "oblast" },
  event: { kind: "eventKind", oblast: "oblast" },
  partnership: { kind: "partnershipKind", status: "partnershipStatus" },
  commitment: { kind: "commitmentKind", status: "commitmentStatus", niemDimension: "niemDimension", niemArea: "niemArea" },
  commitment_update: { status: "commitmentStatus", statusFrom: "commitmentStatus", statusTo: "commitmentStatus" },
  follow_up: { status: "followUpStatus" },
  interaction: { kind: "interactionKind" },
  refugee_contact: { contactChannel: "contactChannel", legalBasis: "consentLegalBasis", purpose: "consentPurpose" },
};

function has(locale: Locale, key: string): key is MessageKey {
  return key in dictionaries[locale];
}

export function fieldLabel(t: Translate, locale: Locale, entityType: string, field: string): string {
  const names = [field, fieldAliases[field], field.replace(/Id$/, ""), field === "title" && entityType === "event" ? "eventTitle" : undefined];
  for (const prefix of labelPrefixes[entityType] ?? []) {
    for (const name of names) if (name && has(locale, prefix + name)) return t((prefix + name) as MessageKey);
  }
  return field;
}

export function valueText(t: Translate, locale: Locale, entityType: string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return t("common.none");
  if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
  if (Array.isArray(value)) return value.length ? value.map((v) => valueText(t, locale, entityType, field, v)).join(", ") : t("common.none");
  if (typeof value === "object") return JSON.stringify(value);
  const text = String(value);
  const enumName = enumOf[entityType]?.[field];
  if (enumName && has(locale, `enum.${enumName}.${text}`)) return t(`enum.${enumName}.${text}` as MessageKey);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(locale, text);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return formatDateTime(locale, text);
  return text;
}

/** Updates store { field: [before, after] }; creates store { field: value } (no before). */
export function describeChanges(t: Translate, locale: Locale, entityType: string, action: string, changes: string | null): ChangeLine[] {
  if (!changes) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(changes);
  } catch {
    return [];
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return [];
  const isPair = (v: unknown): v is [unknown, unknown] => Array.isArray(v) && v.length === 2 && action !== "create";
  return Object.entries(parsed as Record<string, unknown>).map(([field, value]) => ({
    field,
    label: fieldLabel(t, locale, entityType, field),
    before: isPair(value) ? valueText(t, locale, entityType, field, value[0]) : null,
    after: valueText(t, locale, entityType, field, isPair(value) ? value[1] : value),
  }));
}

/** One line of text per change, for files: «Label: before → after». */
export function changesText(lines: ChangeLine[]): string {
  return lines.map((l) => `${l.label}: ${l.before !== null ? `${l.before} → ` : ""}${l.after}`).join("\n");
}
