// Every enumeration of the domain, in one place: the schema, the zod validators,
// the seed data and the UI labels (i18n keys `enum.<name>.<value>`) all read from here.

export const roles = ["admin", "manager", "coordinator", "partner"] as const;
export type Role = (typeof roles)[number];
export const staffRoles = ["admin", "manager", "coordinator"] as const satisfies readonly Role[];

export const locales = ["bg", "en"] as const;
export type Locale = (typeof locales)[number];

export const organizationKinds = [
  "state_institution",
  "municipality",
  "ngo",
  "business",
  "international",
  "refugee_led",
  "academic",
  "media",
  "other",
] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

// The 28 Bulgarian oblasts (ISO 3166-2:BG codes), labels in i18n.
export const oblasts = [
  "BG-01", // Благоевград
  "BG-02", // Бургас
  "BG-03", // Варна
  "BG-04", // Велико Търново
  "BG-05", // Видин
  "BG-06", // Враца
  "BG-07", // Габрово
  "BG-08", // Добрич
  "BG-09", // Кърджали
  "BG-10", // Кюстендил
  "BG-11", // Ловеч
  "BG-12", // Монтана
  "BG-13", // Пазарджик
  "BG-14", // Перник
  "BG-15", // Плевен
  "BG-16", // Пловдив
  "BG-17", // Разград
  "BG-18", // Русе
  "BG-19", // Силистра
  "BG-20", // Сливен
  "BG-21", // Смолян
  "BG-22", // София (столица)
  "BG-23", // София (област)
  "BG-24", // Стара Загора
  "BG-25", // Търговище
  "BG-26", // Хасково
  "BG-27", // Шумен
  "BG-28", // Ямбол
] as const;
export type Oblast = (typeof oblasts)[number];

// NIEM: four areas, each with its integration dimensions.
export const niemDimensionsByArea = {
  general: ["reception_impact", "mainstreaming_governance"],
  legal: ["residency", "family_reunification", "nationality"],
  socio_economic: ["housing", "employment", "vocational_training", "health", "social_security"],
  socio_cultural: ["children_education", "language_orientation", "building_bridges"],
} as const;
export type NiemArea = keyof typeof niemDimensionsByArea;
export type NiemDimension = (typeof niemDimensionsByArea)[NiemArea][number];
export const niemAreas = Object.keys(niemDimensionsByArea) as NiemArea[];
export const niemDimensions = Object.values(niemDimensionsByArea).flat() as NiemDimension[];
export function niemAreaOf(dimension: NiemDimension): NiemArea {
  for (const area of niemAreas) {
    if ((niemDimensionsByArea[area] as readonly string[]).includes(dimension)) return area;
  }
  throw new Error(`Unknown NIEM dimension ${dimension}`);
}

export const eventKinds = ["national_forum", "round_table", "consultation", "training", "other"] as const;
export type EventKind = (typeof eventKinds)[number];

export const participantRoles = ["organizer", "speaker", "participant"] as const;
export type ParticipantRole = (typeof participantRoles)[number];

export const refugeeParticipantRoles = ["speaker", "story_teller", "participant", "community_representative"] as const;
export type RefugeeParticipantRole = (typeof refugeeParticipantRoles)[number];

export const partnershipKinds = [
  "funding",
  "implementation",
  "advocacy",
  "referral",
  "memorandum",
  "event_coorganization",
] as const;
export type PartnershipKind = (typeof partnershipKinds)[number];

export const partnershipStatuses = ["exploring", "active", "on_hold", "concluded"] as const;
export type PartnershipStatus = (typeof partnershipStatuses)[number];

export const partnershipMemberRoles = ["lead", "partner", "funder"] as const;
export type PartnershipMemberRole = (typeof partnershipMemberRoles)[number];

export const commitmentKinds = [
  "policy",
  "service",
  "funding",
  "employment",
  "training",
  "in_kind",
  "advocacy",
] as const;
export type CommitmentKind = (typeof commitmentKinds)[number];

export const commitmentStatuses = [
  "pledged",
  "in_progress",
  "fulfilled",
  "partially_fulfilled",
  "not_fulfilled",
  "withdrawn",
] as const;
export type CommitmentStatus = (typeof commitmentStatuses)[number];
// Which status may follow which, and who may change it: app/domain/commitment-lifecycle.ts.

export const followUpStatuses = ["open", "done", "cancelled"] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

export const interactionKinds = ["meeting", "call", "email", "visit", "note"] as const;
export type InteractionKind = (typeof interactionKinds)[number];

export const contactChannels = ["phone", "email", "whatsapp", "viber", "signal", "in_person", "via_organization"] as const;
export type ContactChannel = (typeof contactChannels)[number];

export const consentPurposes = [
  "forum_participation",
  "story_publication",
  "follow_up_contact",
  // Making proposals to the Manifesto as a community representative (app/domain/manifesto.ts).
  "manifesto_proposal",
] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

export const consentLegalBases = ["explicit_consent", "legitimate_interest", "vital_interest"] as const;
export type ConsentLegalBasis = (typeof consentLegalBases)[number];

/** Record kinds, as written in audit entries and used by the access layer. */
export const entityTypes = [
  "organization",
  "person",
  "refugee_contact",
  "event",
  "partnership",
  "commitment",
  "commitment_update",
  "follow_up",
  "interaction",
  "user",
  "session",
  "export",
  "import",
  "backup",
  // The Manifesto (app/domain/manifesto.ts)
  "manifesto_version",
  "manifesto_section",
  "manifesto_proposal",
  "manifesto_endorsement",
  "story",
  "saved_view",
] as const;
export type EntityType = (typeof entityTypes)[number];

/**
 * An integration story's publication state (issue 19): drafted by staff, approved by the people it
 * is about, published, or withdrawn (by hand, or at once when a person in it withdraws consent).
 * The allowed moves are in app/domain/story.ts.
 */
export const storyStates = ["draft", "approved", "published", "withdrawn"] as const;
export type StoryState = (typeof storyStates)[number];

/** Why a story was withdrawn. */
export const storyWithdrawalReasons = ["manual", "consent_withdrawn", "erasure"] as const;
export type StoryWithdrawalReason = (typeof storyWithdrawalReasons)[number];

/** A coordinator's choice about one commitment in a forum's year-in-review highlights. */
export const highlightChoices = ["include", "exclude"] as const;
export type HighlightChoice = (typeof highlightChoices)[number];
