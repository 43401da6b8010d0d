import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import {
  commitmentKinds,
  commitmentStatuses,
  consentLegalBases,
  contactChannels,
  eventKinds,
  followUpStatuses,
  highlightChoices,
  interactionKinds,
  locales,
  niemAreas,
  niemDimensions,
  oblasts,
  organizationKinds,
  participantRoles,
  partnershipKinds,
  partnershipMemberRoles,
  partnershipStatuses,
  refugeeParticipantRoles,
  roles,
  storyStates,
  storyWithdrawalReasons,
} from "../domain/enums.ts";
import { initialStatus, initialStatusVerified } from "../domain/commitment-lifecycle.ts";
import { duplicateKeyColumns, keySql, type DuplicateKey, type DuplicateKind } from "./duplicate-keys.ts";
import {
  manifestoEndorsementChannels,
  manifestoProposalChannels,
  manifestoProposalKinds,
  manifestoProposalStatuses,
  manifestoVersionStatuses,
} from "../domain/manifesto.ts";

// Timestamps are ISO-8601 UTC text (sortable, readable in any SQLite tool);
// calendar dates (due dates, event dates) are plain `YYYY-MM-DD` text.
const nowIso = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
const id = () => integer("id").primaryKey({ autoIncrement: true });
const timestamps = () => ({
  createdAt: text("created_at").notNull().default(nowIso),
  updatedAt: text("updated_at").notNull().default(nowIso),
});
/** Optimistic locking: every update must name the version it read, and bumps it. */
const version = () => integer("version").notNull().default(1);
const bool = (name: string) => integer(name, { mode: "boolean" }).notNull().default(false);
/** Expression indexes of the duplicate keys (app/db/duplicate-keys.ts): the scan at /duplicates groups by them. */
const duplicateKeyIndexes = (table: string, kind: DuplicateKind) =>
  (Object.entries(duplicateKeyColumns[kind]) as Array<[DuplicateKey, string]>).map(([key, column]) =>
    index(`${table}_dup_${key}_idx`).on(sql.raw(keySql(key, column))),
  );

export const users = sqliteTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: roles }).notNull(),
    /** The one organization of a partner user; null for staff. */
    organizationId: integer("organization_id").references((): AnySQLiteColumn => organizations.id),
    locale: text("locale", { enum: locales }).notNull().default("bg"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    calendarToken: text("calendar_token"),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(t.email),
    uniqueIndex("users_calendar_token_unique").on(t.calendarToken),
    check("users_partner_has_org", sql`(${t.role} = 'partner') = (${t.organizationId} IS NOT NULL)`),
  ],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references((): AnySQLiteColumn => users.id, { onDelete: "cascade" }),
    expiresAt: text("expires_at").notNull(),
    createdAt: text("created_at").notNull().default(nowIso),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

/** A CSV import; records it created point at it so it can be undone. */
export const imports = sqliteTable("imports", {
  id: id(),
  userId: integer("user_id")
    .notNull()
    .references((): AnySQLiteColumn => users.id),
  kind: text("kind").notNull(),
  fileName: text("file_name").notNull(),
  createdCount: integer("created_count").notNull().default(0),
  updatedCount: integer("updated_count").notNull().default(0),
  skippedCount: integer("skipped_count").notNull().default(0),
  /** JSON: the previous values of records the import updated, for undo. */
  undoData: text("undo_data"),
  undoneAt: text("undone_at"),
  createdAt: text("created_at").notNull().default(nowIso),
});

export const organizations = sqliteTable(
  "organizations",
  {
    id: id(),
    name: text("name").notNull(),
    /** Latin transliteration of the name (Streamlined System), for search and display to English readers. */
    nameLatin: text("name_latin").notNull(),
    /** Lower-cased name without quotes/punctuation: sorts in Bulgarian order by code point. */
    sortKey: text("sort_key").notNull(),
    /** Folded Latin form of every searchable field, matched by the `q` box. */
    searchKey: text("search_key").notNull(),
    kind: text("kind", { enum: organizationKinds }).notNull(),
    oblast: text("oblast", { enum: oblasts }),
    municipality: text("municipality"),
    address: text("address"),
    website: text("website"),
    email: text("email"),
    phone: text("phone"),
    description: text("description"),
    archived: bool("archived"),
    importId: integer("import_id").references((): AnySQLiteColumn => imports.id),
    createdById: integer("created_by_id").references((): AnySQLiteColumn => users.id),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("organizations_sort_idx").on(t.archived, t.sortKey, t.id),
    // The list always filters on archived first; these let a filtered page and its count use one index.
    index("organizations_archived_kind_oblast_sort_idx").on(t.archived, t.kind, t.oblast, t.sortKey, t.id),
    index("organizations_archived_oblast_sort_idx").on(t.archived, t.oblast, t.sortKey, t.id),
    index("organizations_archived_kind_sort_idx").on(t.archived, t.kind, t.sortKey, t.id),
    index("organizations_updated_idx").on(t.updatedAt),
    index("organizations_import_idx").on(t.importId),
    ...duplicateKeyIndexes("organizations", "organization"),
  ],
);

export const tags = sqliteTable("tags", { id: id(), name: text("name").notNull() }, (t) => [
  uniqueIndex("tags_name_unique").on(t.name),
]);

/**
 * How many organizations are active (archived = false) and archived, kept by triggers on
 * organizations (drizzle/0013_organization_counts.sql): the unfiltered list shows its total
 * without counting 100,000 rows on every view.
 */
export const organizationCounts = sqliteTable("organization_counts", {
  archived: integer("archived", { mode: "boolean" }).primaryKey(),
  n: integer("n").notNull(),
});

/**
 * Commitments per NIEM area and status, kept by triggers (migration 0014): the dashboard's charts
 * read these few rows instead of grouping every commitment on each view.
 */
export const commitmentCounts = sqliteTable(
  "commitment_counts",
  {
    niemArea: text("niem_area").notNull(),
    status: text("status").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.niemArea, t.status] })],
);

export const organizationTags = sqliteTable(
  "organization_tags",
  {
    organizationId: integer("organization_id")
      .notNull()
      .references((): AnySQLiteColumn => organizations.id, { onDelete: "cascade" }),
    tagId: integer("tag_id")
      .notNull()
      .references((): AnySQLiteColumn => tags.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.tagId] }), index("organization_tags_tag_idx").on(t.tagId)],
);

export const people = sqliteTable(
  "people",
  {
    id: id(),
    name: text("name").notNull(),
    nameLatin: text("name_latin").notNull(),
    sortKey: text("sort_key").notNull(),
    searchKey: text("search_key").notNull(),
    position: text("position"),
    email: text("email"),
    phone: text("phone"),
    languages: text("languages"),
    organizationId: integer("organization_id").references((): AnySQLiteColumn => organizations.id),
    notes: text("notes"),
    archived: bool("archived"),
    importId: integer("import_id").references((): AnySQLiteColumn => imports.id),
    createdById: integer("created_by_id").references((): AnySQLiteColumn => users.id),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("people_sort_idx").on(t.archived, t.sortKey, t.id),
    index("people_org_idx").on(t.organizationId, t.archived, t.sortKey, t.id),
    index("people_email_idx").on(t.email),
    index("people_import_idx").on(t.importId),
    ...duplicateKeyIndexes("people", "person"),
  ],
);

/** Special-category personal data (GDPR Art. 9): minimal fields, staff only, erasable in place. */
export const refugeeContacts = sqliteTable(
  "refugee_contacts",
  {
    id: id(),
    /** Name or pseudonym. */
    name: text("name").notNull(),
    sortKey: text("sort_key").notNull(),
    searchKey: text("search_key").notNull(),
    languages: text("languages"),
    countryOfOrigin: text("country_of_origin"),
    contactChannel: text("contact_channel", { enum: contactChannels }),
    contactValue: text("contact_value"),
    notes: text("notes"),
    /** Set when the contact was erased (anonymised in place). */
    erasedAt: text("erased_at"),
    createdById: integer("created_by_id").references((): AnySQLiteColumn => users.id),
    ...timestamps(),
    version: version(),
  },
  (t) => [index("refugee_contacts_sort_idx").on(t.sortKey, t.id)],
);

export const refugeeConsents = sqliteTable(
  "refugee_consents",
  {
    id: id(),
    refugeeContactId: integer("refugee_contact_id")
      .notNull()
      .references((): AnySQLiteColumn => refugeeContacts.id, { onDelete: "cascade" }),
    givenOn: text("given_on").notNull(),
    /** Comma-separated consent purposes (see consentPurposes). */
    purposes: text("purposes").notNull(),
    legalBasis: text("legal_basis", { enum: consentLegalBases }).notNull(),
    recordedById: integer("recorded_by_id")
      .notNull()
      .references((): AnySQLiteColumn => users.id),
    expiresOn: text("expires_on"),
    withdrawnOn: text("withdrawn_on"),
    createdAt: text("created_at").notNull().default(nowIso),
  },
  (t) => [index("refugee_consents_contact_idx").on(t.refugeeContactId)],
);

export const events = sqliteTable(
  "events",
  {
    id: id(),
    title: text("title").notNull(),
    sortKey: text("sort_key").notNull(),
    searchKey: text("search_key").notNull(),
    kind: text("kind", { enum: eventKinds }).notNull(),
    /** A series groups related events (a forum's editions, the Manifesto consultations). */
    series: text("series"),
    startsOn: text("starts_on").notNull(),
    endsOn: text("ends_on"),
    place: text("place"),
    oblast: text("oblast", { enum: oblasts }),
    description: text("description"),
    createdById: integer("created_by_id").references((): AnySQLiteColumn => users.id),
    ...timestamps(),
    version: version(),
  },
  (t) => [index("events_starts_idx").on(t.startsOn), index("events_kind_starts_idx").on(t.kind, t.startsOn)],
);

export const eventParticipants = sqliteTable(
  "event_participants",
  {
    id: id(),
    eventId: integer("event_id")
      .notNull()
      .references((): AnySQLiteColumn => events.id, { onDelete: "cascade" }),
    organizationId: integer("organization_id").references((): AnySQLiteColumn => organizations.id),
    personId: integer("person_id").references((): AnySQLiteColumn => people.id),
    refugeeContactId: integer("refugee_contact_id").references((): AnySQLiteColumn => refugeeContacts.id),
    /** organizer/speaker/participant for organizations and people; refugee roles for refugee contacts. */
    role: text("role", { enum: [...new Set([...participantRoles, ...refugeeParticipantRoles])] as [string, ...string[]] }).notNull(),
    createdAt: text("created_at").notNull().default(nowIso),
  },
  (t) => [
    index("event_participants_event_idx").on(t.eventId),
    index("event_participants_org_idx").on(t.organizationId),
    index("event_participants_person_idx").on(t.personId),
    index("event_participants_refugee_idx").on(t.refugeeContactId),
    check(
      "event_participants_exactly_one",
      sql`((${t.organizationId} IS NOT NULL) + (${t.personId} IS NOT NULL) + (${t.refugeeContactId} IS NOT NULL)) = 1`,
    ),
  ],
);

export const partnerships = sqliteTable(
  "partnerships",
  {
    id: id(),
    title: text("title").notNull(),
    sortKey: text("sort_key").notNull(),
    searchKey: text("search_key").notNull(),
    kind: text("kind", { enum: partnershipKinds }).notNull(),
    project: text("project"),
    status: text("status", { enum: partnershipStatuses }).notNull(),
    startsOn: text("starts_on"),
    endsOn: text("ends_on"),
    ownerId: integer("owner_id").references((): AnySQLiteColumn => users.id),
    description: text("description"),
    createdById: integer("created_by_id").references((): AnySQLiteColumn => users.id),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("partnerships_sort_idx").on(t.sortKey, t.id),
    index("partnerships_status_idx").on(t.status, t.sortKey),
    check("partnerships_period", sql`${t.endsOn} IS NULL OR ${t.startsOn} IS NULL OR ${t.endsOn} >= ${t.startsOn}`),
  ],
);

export const partnershipMembers = sqliteTable(
  "partnership_members",
  {
    id: id(),
    partnershipId: integer("partnership_id")
      .notNull()
      .references((): AnySQLiteColumn => partnerships.id, { onDelete: "cascade" }),
    organizationId: integer("organization_id")
      .notNull()
      .references((): AnySQLiteColumn => organizations.id),
    role: text("role", { enum: partnershipMemberRoles }).notNull(),
  },
  (t) => [
    uniqueIndex("partnership_members_unique").on(t.partnershipId, t.organizationId),
    index("partnership_members_org_idx").on(t.organizationId),
  ],
);

export const commitments = sqliteTable(
  "commitments",
  {
    id: id(),
    title: text("title").notNull(),
    sortKey: text("sort_key").notNull(),
    searchKey: text("search_key").notNull(),
    description: text("description"),
    leadOrganizationId: integer("lead_organization_id")
      .notNull()
      .references((): AnySQLiteColumn => organizations.id),
    eventId: integer("event_id").references((): AnySQLiteColumn => events.id),
    partnershipId: integer("partnership_id").references((): AnySQLiteColumn => partnerships.id),
    niemDimension: text("niem_dimension", { enum: niemDimensions as [string, ...string[]] }).notNull(),
    /** Derived from the dimension on every write (niemAreaOf); stored so lists filter by index. */
    niemArea: text("niem_area", { enum: niemAreas as [string, ...string[]] }).notNull(),
    kind: text("kind", { enum: commitmentKinds }).notNull(),
    dueOn: text("due_on"),
    /**
     * Always the status of the latest update that changed it (returned reports aside). Written only by
     * app/models/commitment-lifecycle.server.ts, by the rules of app/domain/commitment-lifecycle.ts.
     */
    status: text("status", { enum: commitmentStatuses }).notNull().default(initialStatus),
    /** False while the current status rests on a partner's self-report not yet verified by staff. */
    statusVerified: integer("status_verified", { mode: "boolean" }).notNull().default(initialStatusVerified),
    ownerId: integer("owner_id").references((): AnySQLiteColumn => users.id),
    sharedWithPartner: bool("shared_with_partner"),
    carriedOverFromId: integer("carried_over_from_id").references((): AnySQLiteColumn => commitments.id),
    importId: integer("import_id").references((): AnySQLiteColumn => imports.id),
    createdById: integer("created_by_id").references((): AnySQLiteColumn => users.id),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("commitments_sort_idx").on(t.sortKey, t.id),
    index("commitments_area_status_idx").on(t.niemArea, t.status, t.sortKey),
    index("commitments_status_due_idx").on(t.status, t.dueOn),
    index("commitments_lead_idx").on(t.leadOrganizationId),
    index("commitments_event_idx").on(t.eventId),
    index("commitments_partnership_idx").on(t.partnershipId),
    index("commitments_owner_idx").on(t.ownerId),
    index("commitments_updated_idx").on(t.updatedAt, t.id),
  ],
);

export const commitmentCoPledgers = sqliteTable(
  "commitment_co_pledgers",
  {
    commitmentId: integer("commitment_id")
      .notNull()
      .references((): AnySQLiteColumn => commitments.id, { onDelete: "cascade" }),
    organizationId: integer("organization_id")
      .notNull()
      .references((): AnySQLiteColumn => organizations.id),
  },
  (t) => [
    primaryKey({ columns: [t.commitmentId, t.organizationId] }),
    index("commitment_co_pledgers_org_idx").on(t.organizationId),
  ],
);

export const evidenceFiles = sqliteTable("evidence_files", {
  id: id(),
  /** Random name of the stored file under the upload directory (outside public/). */
  storageName: text("storage_name").notNull(),
  originalName: text("original_name").notNull(),
  mimeType: text("mime_type").notNull(),
  size: integer("size").notNull(),
  uploadedById: integer("uploaded_by_id")
    .notNull()
    .references((): AnySQLiteColumn => users.id),
  createdAt: text("created_at").notNull().default(nowIso),
});

export const commitmentUpdates = sqliteTable(
  "commitment_updates",
  {
    id: id(),
    commitmentId: integer("commitment_id")
      .notNull()
      .references((): AnySQLiteColumn => commitments.id, { onDelete: "cascade" }),
    authorId: integer("author_id")
      .notNull()
      .references((): AnySQLiteColumn => users.id),
    /** The partner organization on whose behalf a partner reported; null for staff updates. */
    partnerOrganizationId: integer("partner_organization_id").references((): AnySQLiteColumn => organizations.id),
    note: text("note").notNull(),
    statusChange: text("status_change", { enum: commitmentStatuses }),
    evidenceUrl: text("evidence_url"),
    evidenceFileId: integer("evidence_file_id").references((): AnySQLiteColumn => evidenceFiles.id),
    verifiedAt: text("verified_at"),
    verifiedById: integer("verified_by_id").references((): AnySQLiteColumn => users.id),
    /** A coordinator sent the partner's report back, with a reason the partner reads; its status no longer counts. */
    returnedAt: text("returned_at"),
    returnedById: integer("returned_by_id").references((): AnySQLiteColumn => users.id),
    returnReason: text("return_reason"),
    /** The partner's report this one answers (a returned one of the same organization). */
    answersUpdateId: integer("answers_update_id").references((): AnySQLiteColumn => commitmentUpdates.id),
    createdAt: text("created_at").notNull().default(nowIso),
  },
  (t) => [
    index("commitment_updates_commitment_idx").on(t.commitmentId, t.createdAt),
    index("commitment_updates_partner_idx").on(t.partnerOrganizationId, t.verifiedAt, t.createdAt),
  ],
);

export const followUps = sqliteTable(
  "follow_ups",
  {
    id: id(),
    title: text("title").notNull(),
    sortKey: text("sort_key").notNull(),
    searchKey: text("search_key").notNull(),
    notes: text("notes"),
    dueOn: text("due_on").notNull(),
    assigneeId: integer("assignee_id").references((): AnySQLiteColumn => users.id),
    organizationId: integer("organization_id").references((): AnySQLiteColumn => organizations.id),
    personId: integer("person_id").references((): AnySQLiteColumn => people.id),
    partnershipId: integer("partnership_id").references((): AnySQLiteColumn => partnerships.id),
    commitmentId: integer("commitment_id").references((): AnySQLiteColumn => commitments.id),
    eventId: integer("event_id").references((): AnySQLiteColumn => events.id),
    status: text("status", { enum: followUpStatuses }).notNull().default("open"),
    /** Makes this a shared action item: that partner organization's users see and may complete it. */
    sharedWithOrganizationId: integer("shared_with_organization_id").references((): AnySQLiteColumn => organizations.id),
    completedAt: text("completed_at"),
    completedById: integer("completed_by_id").references((): AnySQLiteColumn => users.id),
    completionNote: text("completion_note"),
    createdById: integer("created_by_id").references((): AnySQLiteColumn => users.id),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("follow_ups_status_due_idx").on(t.status, t.dueOn),
    index("follow_ups_due_idx").on(t.dueOn, t.id),
    index("follow_ups_sort_idx").on(t.sortKey, t.id),
    index("follow_ups_status_sort_idx").on(t.status, t.sortKey, t.id),
    index("follow_ups_assignee_status_due_idx").on(t.assigneeId, t.status, t.dueOn),
    index("follow_ups_shared_idx").on(t.sharedWithOrganizationId, t.status, t.dueOn),
    index("follow_ups_org_idx").on(t.organizationId),
    index("follow_ups_commitment_idx").on(t.commitmentId),
    index("follow_ups_partnership_idx").on(t.partnershipId),
    index("follow_ups_person_idx").on(t.personId),
    index("follow_ups_event_idx").on(t.eventId),
  ],
);

export const interactions = sqliteTable(
  "interactions",
  {
    id: id(),
    kind: text("kind", { enum: interactionKinds }).notNull(),
    occurredOn: text("occurred_on").notNull(),
    subject: text("subject").notNull(),
    searchKey: text("search_key").notNull(),
    body: text("body"),
    /** Who took part, as free text (names of BCRM staff and guests). */
    participants: text("participants"),
    organizationId: integer("organization_id").references((): AnySQLiteColumn => organizations.id),
    personId: integer("person_id").references((): AnySQLiteColumn => people.id),
    createdById: integer("created_by_id").references((): AnySQLiteColumn => users.id),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("interactions_org_idx").on(t.organizationId, t.occurredOn),
    index("interactions_person_idx").on(t.personId, t.occurredOn),
    index("interactions_occurred_idx").on(t.occurredOn),
  ],
);

export const auditEntries = sqliteTable(
  "audit_entries",
  {
    id: id(),
    at: text("at").notNull().default(nowIso),
    userId: integer("user_id").references((): AnySQLiteColumn => users.id),
    /** e.g. create, update, archive, view, login, login_failed, export */
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: integer("entity_id"),
    /** JSON object { field: [before, after] } for updates, { field: value } for creates. */
    changes: text("changes"),
    /** JSON with anything else worth keeping (e-mail tried at a failed sign-in, export filters, row count). */
    detail: text("detail"),
    ip: text("ip"),
  },
  (t) => [
    index("audit_entity_idx").on(t.entityType, t.entityId, t.at),
    index("audit_user_idx").on(t.userId, t.at),
    index("audit_action_at_idx").on(t.action, t.at),
    index("audit_at_idx").on(t.at),
  ],
);

/**
 * E-mails the app sends (reminder digests, sharing notices). With SMTP_URL they are sent and
 * marked; without it (the demo) they stay here and admins read them at /admin/outbox.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: id(),
    userId: integer("user_id").references((): AnySQLiteColumn => users.id),
    toEmail: text("to_email").notNull(),
    subject: text("subject").notNull(),
    bodyText: text("body_text").notNull(),
    kind: text("kind").notNull(),
    createdAt: text("created_at").notNull().default(nowIso),
    sentAt: text("sent_at"),
    error: text("error"),
  },
  (t) => [index("outbox_created_idx").on(t.createdAt), index("outbox_user_idx").on(t.userId, t.kind, t.createdAt)],
);

/**
 * Forms already saved, by the random key each form carries: a double click or a resend of the
 * same form is answered with the record the first sending made, not a second one
 * (models/record-write.server.ts). Kept for a day.
 */
export const formSubmissions = sqliteTable(
  "form_submissions",
  {
    userId: integer("user_id").notNull().references((): AnySQLiteColumn => users.id),
    key: text("key").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: integer("entity_id").notNull(),
    createdAt: text("created_at").notNull().default(nowIso),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index("form_submissions_created_idx").on(t.createdAt)],
);

// ---------------------------------------------------------------- the Manifesto (app/domain/manifesto.ts)

/** A numbered version of the Manifesto: draft, published for consultation, or adopted. */
export const manifestoVersions = sqliteTable(
  "manifesto_versions",
  {
    id: id(),
    /** 1, 2, 3… in the order the versions were made. */
    number: integer("number").notNull(),
    status: text("status", { enum: manifestoVersionStatuses }).notNull().default("draft"),
    titleBg: text("title_bg").notNull(),
    titleEn: text("title_en"),
    /** Staff's note on what this version changes (internal). */
    note: text("note"),
    basedOnVersionId: integer("based_on_version_id").references((): AnySQLiteColumn => manifestoVersions.id),
    publishedOn: text("published_on"),
    adoptedOn: text("adopted_on"),
    adoptedAtEventId: integer("adopted_at_event_id").references((): AnySQLiteColumn => events.id),
    createdById: integer("created_by_id").references((): AnySQLiteColumn => users.id),
    ...timestamps(),
    version: version(),
  },
  (t) => [uniqueIndex("manifesto_versions_number_unique").on(t.number), index("manifesto_versions_status_idx").on(t.status, t.number)],
);

/** A section of one version. `sectionKey` stays the same across versions, so versions compare section by section. */
export const manifestoSections = sqliteTable(
  "manifesto_sections",
  {
    id: id(),
    versionId: integer("version_id")
      .notNull()
      .references((): AnySQLiteColumn => manifestoVersions.id, { onDelete: "cascade" }),
    sectionKey: text("section_key").notNull(),
    position: integer("position").notNull(),
    titleBg: text("title_bg").notNull(),
    titleEn: text("title_en"),
    /** Markdown (headings, lists, emphasis; no HTML), rendered by app/lib/markdown.ts. */
    bodyBg: text("body_bg").notNull(),
    bodyEn: text("body_en"),
    /** Comma-separated NIEM dimensions the section is about (may be empty). */
    niemDimensions: text("niem_dimensions").notNull().default(""),
    ...timestamps(),
    version: version(),
  },
  (t) => [uniqueIndex("manifesto_sections_key_unique").on(t.versionId, t.sectionKey), index("manifesto_sections_version_idx").on(t.versionId, t.position)],
);

/** A proposal about a section of a version, by an organization or a refugee community representative. */
export const manifestoProposals = sqliteTable(
  "manifesto_proposals",
  {
    id: id(),
    versionId: integer("version_id")
      .notNull()
      .references((): AnySQLiteColumn => manifestoVersions.id),
    sectionId: integer("section_id")
      .notNull()
      .references((): AnySQLiteColumn => manifestoSections.id),
    organizationId: integer("organization_id").references((): AnySQLiteColumn => organizations.id),
    refugeeContactId: integer("refugee_contact_id").references((): AnySQLiteColumn => refugeeContacts.id),
    /** The community a refugee representative spoke for (free text). */
    communityName: text("community_name"),
    /** The proposer's kind and oblast when the proposal was made (refugee representatives: refugee_led). */
    organizationKind: text("organization_kind", { enum: organizationKinds }).notNull(),
    oblast: text("oblast", { enum: oblasts }),
    niemDimension: text("niem_dimension", { enum: niemDimensions as [string, ...string[]] }).notNull(),
    kind: text("kind", { enum: manifestoProposalKinds }).notNull(),
    /** The exact passage of the section the proposal replaces, when one was selected. */
    passage: text("passage"),
    paragraphIndex: integer("paragraph_index"),
    proposedText: text("proposed_text").notNull(),
    rationale: text("rationale"),
    channel: text("channel", { enum: manifestoProposalChannels }).notNull(),
    eventId: integer("event_id").references((): AnySQLiteColumn => events.id),
    madeOn: text("made_on").notNull(),
    submittedById: integer("submitted_by_id")
      .notNull()
      .references((): AnySQLiteColumn => users.id),
    status: text("status", { enum: manifestoProposalStatuses }).notNull().default("received"),
    answerBg: text("answer_bg"),
    answerEn: text("answer_en"),
    answeredAt: text("answered_at"),
    answeredById: integer("answered_by_id").references((): AnySQLiteColumn => users.id),
    /** The section of a later version that took the proposal in. */
    acceptedIntoSectionId: integer("accepted_into_section_id").references((): AnySQLiteColumn => manifestoSections.id, { onDelete: "set null" }),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("manifesto_proposals_org_idx").on(t.organizationId, t.createdAt),
    index("manifesto_proposals_version_status_idx").on(t.versionId, t.status),
    index("manifesto_proposals_section_idx").on(t.sectionId),
    index("manifesto_proposals_event_idx").on(t.eventId),
    index("manifesto_proposals_refugee_idx").on(t.refugeeContactId),
    check("manifesto_proposals_one_proposer", sql`(${t.organizationId} IS NOT NULL) + (${t.refugeeContactId} IS NOT NULL) = 1`),
  ],
);

/** An organization's endorsement of an adopted version; withdrawn ones stay, with the date. */
export const manifestoEndorsements = sqliteTable(
  "manifesto_endorsements",
  {
    id: id(),
    versionId: integer("version_id")
      .notNull()
      .references((): AnySQLiteColumn => manifestoVersions.id),
    organizationId: integer("organization_id")
      .notNull()
      .references((): AnySQLiteColumn => organizations.id),
    signatoryPersonId: integer("signatory_person_id").references((): AnySQLiteColumn => people.id),
    signatoryName: text("signatory_name").notNull(),
    signatoryPosition: text("signatory_position"),
    signedOn: text("signed_on").notNull(),
    statementBg: text("statement_bg"),
    statementEn: text("statement_en"),
    /** The organization agreed to be listed on the public page. */
    listPublicly: bool("list_publicly"),
    /** The signatory agreed that their name is shown there too. */
    showSignatory: bool("show_signatory"),
    channel: text("channel", { enum: manifestoEndorsementChannels }).notNull(),
    /** The scanned letter of an endorsement received on paper. */
    letterFileId: integer("letter_file_id").references((): AnySQLiteColumn => evidenceFiles.id),
    recordedById: integer("recorded_by_id")
      .notNull()
      .references((): AnySQLiteColumn => users.id),
    withdrawnAt: text("withdrawn_at"),
    withdrawnById: integer("withdrawn_by_id").references((): AnySQLiteColumn => users.id),
    withdrawalReason: text("withdrawal_reason"),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    // One standing endorsement per organization and version; withdrawn ones are history.
    uniqueIndex("manifesto_endorsements_standing_unique").on(t.versionId, t.organizationId).where(sql`withdrawn_at IS NULL`),
    index("manifesto_endorsements_org_idx").on(t.organizationId, t.signedOn),
    index("manifesto_endorsements_version_idx").on(t.versionId, t.withdrawnAt),
  ],
);

// ---------------------------------------------------------------- integration stories and the year in review (issue 19)

/** An integration story told at a forum edition. Staff only; refugee contacts named in it need a current «story publication» consent. */
export const stories = sqliteTable(
  "stories",
  {
    id: id(),
    title: text("title").notNull(),
    sortKey: text("sort_key").notNull(),
    searchKey: text("search_key").notNull(),
    summary: text("summary").notNull(),
    body: text("body").notNull(),
    /** The edition (event) where the story was told. */
    eventId: integer("event_id").references((): AnySQLiteColumn => events.id),
    state: text("state", { enum: storyStates }).notNull().default("draft"),
    withdrawnReason: text("withdrawn_reason", { enum: storyWithdrawalReasons }),
    publishedAt: text("published_at"),
    withdrawnAt: text("withdrawn_at"),
    /** Who at BCRM answers for the story (and is told when it is withdrawn automatically). */
    ownerId: integer("owner_id").references((): AnySQLiteColumn => users.id),
    createdById: integer("created_by_id").references((): AnySQLiteColumn => users.id),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("stories_sort_idx").on(t.sortKey, t.id),
    index("stories_event_state_idx").on(t.eventId, t.state),
    index("stories_state_idx").on(t.state, t.sortKey),
  ],
);

/** The refugee contacts a story is about. */
export const storyPeople = sqliteTable(
  "story_people",
  {
    storyId: integer("story_id")
      .notNull()
      .references((): AnySQLiteColumn => stories.id, { onDelete: "cascade" }),
    refugeeContactId: integer("refugee_contact_id")
      .notNull()
      .references((): AnySQLiteColumn => refugeeContacts.id),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.refugeeContactId] }), index("story_people_contact_idx").on(t.refugeeContactId)],
);

export const storyOrganizations = sqliteTable(
  "story_organizations",
  {
    storyId: integer("story_id")
      .notNull()
      .references((): AnySQLiteColumn => stories.id, { onDelete: "cascade" }),
    organizationId: integer("organization_id")
      .notNull()
      .references((): AnySQLiteColumn => organizations.id),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.organizationId] }), index("story_organizations_org_idx").on(t.organizationId)],
);

/** Photos and files of a story, stored and checked like evidence (evidence_files, /evidence/:id). */
export const storyFiles = sqliteTable(
  "story_files",
  {
    storyId: integer("story_id")
      .notNull()
      .references((): AnySQLiteColumn => stories.id, { onDelete: "cascade" }),
    evidenceFileId: integer("evidence_file_id")
      .notNull()
      .references((): AnySQLiteColumn => evidenceFiles.id),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.evidenceFileId] }), uniqueIndex("story_files_file_unique").on(t.evidenceFileId)],
);

/**
 * A coordinator's edits to the highlights of a forum edition's year in review: include or exclude
 * a commitment against the automatic rule, its place in the list, a short caption. No row = the rule decides.
 */
export const reviewHighlights = sqliteTable(
  "review_highlights",
  {
    eventId: integer("event_id")
      .notNull()
      .references((): AnySQLiteColumn => events.id, { onDelete: "cascade" }),
    commitmentId: integer("commitment_id")
      .notNull()
      .references((): AnySQLiteColumn => commitments.id, { onDelete: "cascade" }),
    choice: text("choice", { enum: highlightChoices }),
    position: integer("position"),
    caption: text("caption"),
    updatedById: integer("updated_by_id").references((): AnySQLiteColumn => users.id),
    updatedAt: text("updated_at").notNull().default(nowIso),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.commitmentId] })],
);

/**
 * Two organizations (or two people) merged into one: the merged record is gone (its links moved to
 * the survivor), and its old URL opens the survivor. `data` keeps what undo needs to put everything
 * back exactly (models/merge.server.ts). The ids are plain integers: the merged record no longer exists.
 */
export const merges = sqliteTable(
  "merges",
  {
    id: id(),
    entityType: text("entity_type", { enum: ["organization", "person"] }).notNull(),
    survivorId: integer("survivor_id").notNull(),
    mergedId: integer("merged_id").notNull(),
    /** The survivor's version right after the merge: undo refuses once it has been edited since. */
    survivorVersion: integer("survivor_version").notNull(),
    userId: integer("user_id").notNull().references((): AnySQLiteColumn => users.id),
    at: text("at").notNull().default(nowIso),
    /** JSON: both records as they were, and every linked row that moved or was dropped as a repeat. */
    data: text("data").notNull(),
    undoneAt: text("undone_at"),
    undoneById: integer("undone_by_id").references((): AnySQLiteColumn => users.id),
  },
  (t) => [index("merges_merged_idx").on(t.entityType, t.mergedId), index("merges_at_idx").on(t.at)],
);

// ---------------------------------------------------------------- invitations (issue 21)

/** How an event invites: capacity, waiting list, answer deadline, interpretation offered, the message per language. */
export const eventInvitationSettings = sqliteTable("event_invitation_settings", {
  eventId: integer("event_id")
    .primaryKey()
    .references((): AnySQLiteColumn => events.id, { onDelete: "cascade" }),
  /** Places (people, guests included); null = no limit. */
  capacity: integer("capacity"),
  /** With a capacity: a "yes" beyond it waits on the list instead of being refused. */
  waitingList: bool("waiting_list"),
  /** Last day (YYYY-MM-DD) an answer may be changed; null = until the event ends. */
  answerDeadline: text("answer_deadline"),
  /** Comma-separated interpretation languages offered (free text, e.g. "Arabic,Farsi,Ukrainian,English"). */
  interpretationLanguages: text("interpretation_languages").notNull().default(""),
  subjectBg: text("subject_bg").notNull().default(""),
  bodyBg: text("body_bg").notNull().default(""),
  subjectEn: text("subject_en").notNull().default(""),
  bodyEn: text("body_en").notNull().default(""),
  ...timestamps(),
  version: version(),
});

/**
 * One invitee of one event (or a walk-in at the door). The personal link carries `token` (256
 * random bits); `sendState` makes sending resumable and at most once: a row is claimed as
 * `sending` in its own transaction before the SMTP call and marked `sent`/`failed` after it, so a
 * sender killed midway leaves at most the one `sending` row, which is never sent again by itself.
 */
export const eventInvitations = sqliteTable(
  "event_invitations",
  {
    id: id(),
    eventId: integer("event_id")
      .notNull()
      .references((): AnySQLiteColumn => events.id, { onDelete: "cascade" }),
    personId: integer("person_id").references((): AnySQLiteColumn => people.id),
    refugeeContactId: integer("refugee_contact_id").references((): AnySQLiteColumn => refugeeContacts.id),
    name: text("name").notNull(),
    sortKey: text("sort_key").notNull(),
    /** Folded Latin form of the name and e-mail, so the door finds «Иван» by «ivan» and the other way. */
    searchKey: text("search_key").notNull(),
    email: text("email"),
    /** Lower-cased e-mail: one invitation per address and event. */
    emailKey: text("email_key"),
    organizationName: text("organization_name"),
    locale: text("locale", { enum: locales }).notNull().default("bg"),
    role: text("role", { enum: participantRoles }).notNull().default("participant"),
    token: text("token").notNull(),
    walkIn: bool("walk_in"),
    sendState: text("send_state", { enum: ["pending", "sending", "sent", "failed"] }).notNull().default("pending"),
    sentAt: text("sent_at"),
    sendError: text("send_error"),
    /** A reminder round: `queued` by the coordinator, then claimed and sent like the invitation. */
    reminderState: text("reminder_state", { enum: ["queued", "sending", "sent", "failed"] }),
    remindedAt: text("reminded_at"),
    answer: text("answer", { enum: ["yes", "no", "maybe"] }),
    answeredAt: text("answered_at"),
    /** People coming, the invitee included. */
    attendees: integer("attendees").notNull().default(1),
    /** Comma-separated interpretation languages needed (from the event's list). */
    interpretation: text("interpretation").notNull().default(""),
    accessibility: text("accessibility"),
    note: text("note"),
    waitlisted: bool("waitlisted"),
    checkedInAt: text("checked_in_at"),
    checkedInById: integer("checked_in_by_id").references((): AnySQLiteColumn => users.id),
    createdById: integer("created_by_id").references((): AnySQLiteColumn => users.id),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    uniqueIndex("event_invitations_token_unique").on(t.token),
    uniqueIndex("event_invitations_email_unique").on(t.eventId, t.emailKey),
    uniqueIndex("event_invitations_person_unique").on(t.eventId, t.personId),
    uniqueIndex("event_invitations_refugee_unique").on(t.eventId, t.refugeeContactId),
    index("event_invitations_event_sort_idx").on(t.eventId, t.sortKey, t.id),
    index("event_invitations_send_idx").on(t.eventId, t.sendState),
  ],
);

/**
 * Saved views (issue 17): a list's URL state (filters, sort, page size) kept under a name by its
 * owner, who may share it with all staff. `kind` is the list (app/domain/saved-views.ts).
 */
export const savedViews = sqliteTable(
  "saved_views",
  {
    id: id(),
    ownerId: integer("owner_id").notNull().references((): AnySQLiteColumn => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    query: text("query").notNull().default(""),
    shared: bool("shared"),
    ...timestamps(),
  },
  (t) => [index("saved_views_owner_idx").on(t.ownerId, t.kind), index("saved_views_shared_idx").on(t.kind, t.shared)],
);
