// What each field an audit entry can name is called on screen, and how its value is shown:
// the one table behind every change history (record pages, the dashboard, the audit log).
// models/audit-view.server.ts reads it to turn stored changes into ChangeView rows.
import type { MessageKey } from "../i18n/i18n.ts";
import type { EntityType } from "./enums.ts";

/** Records a stored id can point at; their names are looked up when a history is shown. */
export type RefKind = "organization" | "person" | "user" | "event" | "partnership" | "commitment";

export type FieldType =
  | "text"
  /** Free text shown shortened: descriptions, notes. */
  | "longText"
  /** `YYYY-MM-DD`. */
  | "date"
  /** ISO timestamp. */
  | "dateTime"
  | "bool"
  /** A list of words (tags). */
  | "words"
  /** Partnership members: `Name (role)` strings, or `{ organizationId, role }`. */
  | "members"
  /** Event participants: `{ organizationId | personId, role }`, one or a list. */
  | "participants"
  /** A commitment's progress update: `{ note, statusChange, evidenceUrl }`. */
  | "progressUpdate"
  /** Value labels are the message keys `<prefix>.<value>`. */
  | { enumPrefix: string }
  | { ref: RefKind }
  | { refs: RefKind };

export type FieldSpec = { label: MessageKey; type: FieldType };

/** Bookkeeping columns no history shows: ids, versions, timestamps, derived keys. */
export const unshownFields = new Set([
  "id", "version", "createdAt", "updatedAt", "sortKey", "searchKey", "nameLatin", "niemArea", "importId", "createdById",
  // Never written to the log; listed so a mistake could not show them.
  "passwordHash", "calendarToken",
]);

const enumOf = (name: string): FieldType => ({ enumPrefix: `enum.${name}` });

export const auditFields: Partial<Record<EntityType, Record<string, FieldSpec>>> = {
  organization: {
    name: { label: "org.name", type: "text" },
    kind: { label: "org.kind", type: enumOf("organizationKind") },
    oblast: { label: "org.oblast", type: enumOf("oblast") },
    municipality: { label: "org.municipality", type: "text" },
    address: { label: "org.address", type: "text" },
    website: { label: "org.website", type: "text" },
    email: { label: "org.email", type: "text" },
    phone: { label: "org.phone", type: "text" },
    description: { label: "org.description", type: "longText" },
    tags: { label: "org.tags", type: "words" },
    archived: { label: "org.archived", type: "bool" },
  },
  person: {
    name: { label: "people.name", type: "text" },
    position: { label: "people.position", type: "text" },
    email: { label: "people.email", type: "text" },
    phone: { label: "people.phone", type: "text" },
    languages: { label: "people.languages", type: "text" },
    organizationId: { label: "people.organization", type: { ref: "organization" } },
    notes: { label: "people.notes", type: "longText" },
    archived: { label: "people.archived", type: "bool" },
  },
  event: {
    title: { label: "events.eventTitle", type: "text" },
    kind: { label: "events.kind", type: enumOf("eventKind") },
    series: { label: "events.series", type: "text" },
    startsOn: { label: "events.startsOn", type: "date" },
    endsOn: { label: "events.endsOn", type: "date" },
    place: { label: "events.place", type: "text" },
    oblast: { label: "events.oblast", type: enumOf("oblast") },
    description: { label: "events.description", type: "longText" },
    participants: { label: "events.participants", type: "participants" },
    participant: { label: "events.participant", type: "participants" },
  },
  partnership: {
    title: { label: "partnerships.field.title", type: "text" },
    kind: { label: "partnerships.field.kind", type: enumOf("partnershipKind") },
    project: { label: "partnerships.field.project", type: "text" },
    status: { label: "partnerships.field.status", type: enumOf("partnershipStatus") },
    startsOn: { label: "partnerships.field.startsOn", type: "date" },
    endsOn: { label: "partnerships.field.endsOn", type: "date" },
    ownerId: { label: "partnerships.field.owner", type: { ref: "user" } },
    description: { label: "partnerships.field.description", type: "longText" },
    members: { label: "partnerships.members", type: "members" },
  },
  commitment: {
    title: { label: "commitments.field.title", type: "text" },
    description: { label: "commitments.field.description", type: "longText" },
    leadOrganizationId: { label: "commitments.field.lead", type: { ref: "organization" } },
    coPledgerIds: { label: "commitments.field.coPledgers", type: { refs: "organization" } },
    eventId: { label: "commitments.field.event", type: { ref: "event" } },
    partnershipId: { label: "commitments.field.partnership", type: { ref: "partnership" } },
    niemDimension: { label: "commitments.field.niemDimension", type: enumOf("niemDimension") },
    kind: { label: "commitments.field.kind", type: enumOf("commitmentKind") },
    dueOn: { label: "commitments.field.dueOn", type: "date" },
    status: { label: "commitments.field.status", type: enumOf("commitmentStatus") },
    statusVerified: { label: "commitments.field.statusVerified", type: "bool" },
    ownerId: { label: "commitments.field.owner", type: { ref: "user" } },
    sharedWithPartner: { label: "commitments.field.sharedWithPartner", type: "bool" },
    carriedOverFromId: { label: "commitments.carriedOverFrom", type: { ref: "commitment" } },
    carriedOverToId: { label: "commitments.carriedOverTo", type: { ref: "commitment" } },
    update: { label: "commitments.field.update", type: "progressUpdate" },
  },
  commitment_update: {
    commitmentId: { label: "followUps.field.commitment", type: { ref: "commitment" } },
    partnerOrganizationId: { label: "commitments.field.reportedBy", type: { ref: "organization" } },
    note: { label: "commitments.update.note", type: "longText" },
    statusChange: { label: "portal.update.proposedStatus", type: enumOf("commitmentStatus") },
    evidenceUrl: { label: "commitments.update.evidenceUrl", type: "text" },
    evidenceFile: { label: "portal.update.evidenceFile", type: "text" },
    verifiedAt: { label: "commitments.field.verifiedAt", type: "dateTime" },
    verifiedById: { label: "commitments.field.verifiedBy", type: { ref: "user" } },
    returnedAt: { label: "commitments.field.returnedAt", type: "dateTime" },
    returnedById: { label: "commitments.field.returnedBy", type: { ref: "user" } },
    returnReason: { label: "commitments.field.returnReason", type: "longText" },
    answersUpdateId: { label: "commitments.field.answersUpdate", type: "text" },
  },
  follow_up: {
    title: { label: "followUps.field.title", type: "text" },
    notes: { label: "followUps.field.notes", type: "longText" },
    dueOn: { label: "followUps.field.dueOn", type: "date" },
    assigneeId: { label: "followUps.field.assignee", type: { ref: "user" } },
    organizationId: { label: "followUps.field.organization", type: { ref: "organization" } },
    personId: { label: "followUps.field.person", type: { ref: "person" } },
    partnershipId: { label: "followUps.field.partnership", type: { ref: "partnership" } },
    commitmentId: { label: "followUps.field.commitment", type: { ref: "commitment" } },
    eventId: { label: "followUps.field.event", type: { ref: "event" } },
    status: { label: "followUps.field.status", type: enumOf("followUpStatus") },
    sharedWithOrganizationId: { label: "followUps.field.sharedWith", type: { ref: "organization" } },
    completedAt: { label: "followUps.field.completedAt", type: "dateTime" },
    completedById: { label: "followUps.field.completedBy", type: { ref: "user" } },
    completionNote: { label: "portal.followUp.completionNote", type: "longText" },
  },
  interaction: {
    kind: { label: "interactions.kind", type: enumOf("interactionKind") },
    occurredOn: { label: "interactions.occurredOn", type: "date" },
    subject: { label: "interactions.subject", type: "text" },
    body: { label: "interactions.body", type: "longText" },
    participants: { label: "interactions.participants", type: "text" },
    organizationId: { label: "interactions.organization", type: { ref: "organization" } },
    personId: { label: "interactions.person", type: { ref: "person" } },
  },
  refugee_contact: {
    name: { label: "refugees.name", type: "text" },
    languages: { label: "refugees.languages", type: "text" },
    countryOfOrigin: { label: "refugees.countryOfOrigin", type: "text" },
    contactChannel: { label: "refugees.contactChannel", type: enumOf("contactChannel") },
    contactValue: { label: "refugees.contactValue", type: "text" },
    notes: { label: "refugees.notes", type: "longText" },
    erasedAt: { label: "refugees.erased", type: "dateTime" },
  },
  user: {
    name: { label: "admin.users.name", type: "text" },
    email: { label: "admin.users.email", type: "text" },
    role: { label: "admin.users.role", type: { enumPrefix: "role" } },
    organizationId: { label: "admin.users.organization", type: { ref: "organization" } },
    locale: { label: "profile.language", type: { enumPrefix: "locale" } },
    active: { label: "admin.users.active", type: "bool" },
  },
};

/** A value as a page shows it; names of referenced records are looked up on the server. */
export type ValueView =
  | { kind: "none" }
  | { kind: "text"; text: string }
  /** An enumeration label, yes/no, "deleted record". */
  | { kind: "message"; key: MessageKey }
  | { kind: "date"; value: string }
  | { kind: "dateTime"; value: string }
  | { kind: "list"; items: ValueView[] }
  | { kind: "withRole"; who: ValueView; role: ValueView }
  | { kind: "parts"; parts: Array<{ label: MessageKey; value: ValueView }> };

/** One changed field: `before` is absent where the entry lists values (a creation, a deletion). */
export type ChangeView = { field: string; label: MessageKey; before?: ValueView; after: ValueView };

/** The label of a field of an entity type, or null when the table does not know it. */
export function auditFieldSpec(entityType: string, field: string): FieldSpec | null {
  return auditFields[entityType as EntityType]?.[field] ?? null;
}
