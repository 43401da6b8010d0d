// The Manifesto for refugee integration: its versions, proposals and endorsements — the
// enumerations, the rules of each lifecycle (tables to read top to bottom) and the zod schema
// of every form. Shared by the schema, the models, the routes, the seed and the tests.
import { z } from "zod";
import { niemDimensions, oblasts, organizationKinds, type NiemDimension } from "./enums.ts";
import { checkbox, idParam, optionalDate, requiredDate, optionalEnum, optionalId, optionalText, requiredEnum, requiredText, versionField } from "./fields.ts";

// ---------------------------------------------------------------- versions

/**
 * draft: staff edit it; nobody outside BCRM sees it.
 * consultation: published for consultation — frozen text; partners read it and make proposals.
 * adopted: the text agreed (usually at the forum) — frozen; organizations endorse it.
 */
export const manifestoVersionStatuses = ["draft", "consultation", "adopted"] as const;
export type ManifestoVersionStatus = (typeof manifestoVersionStatuses)[number];

/**
 * Where a version may go. Published text never goes back to draft: proposals and endorsements
 * refer to exactly what was published. Changes are made in a new version.
 */
export const versionTransitions: Record<ManifestoVersionStatus, readonly ManifestoVersionStatus[]> = {
  draft: ["consultation", "adopted"],
  consultation: ["adopted"],
  adopted: [],
};

export function canMoveVersion(from: ManifestoVersionStatus, to: ManifestoVersionStatus): boolean {
  return versionTransitions[from].includes(to);
}

/** Versions anyone outside BCRM staff may ever read (partners, the public page). */
export const publishedVersionStatuses = ["consultation", "adopted"] as const satisfies readonly ManifestoVersionStatus[];

export function isPublishedStatus(status: ManifestoVersionStatus): boolean {
  return (publishedVersionStatuses as readonly string[]).includes(status);
}

type VersionLike = { id: number; number: number; status: ManifestoVersionStatus };

/** The adopted version in force: the newest adopted one. */
export function adoptedVersionOf<V extends VersionLike>(versions: readonly V[]): V | null {
  return versions.filter((v) => v.status === "adopted").sort((a, b) => b.number - a.number)[0] ?? null;
}

/**
 * The version open for consultation: the newest one published for consultation, as long as no
 * newer version has been adopted since (adoption closes the consultation that led to it).
 */
export function openConsultationOf<V extends VersionLike>(versions: readonly V[]): V | null {
  const newest = versions.filter((v) => v.status === "consultation").sort((a, b) => b.number - a.number)[0];
  if (!newest) return null;
  const adopted = adoptedVersionOf(versions);
  return adopted && adopted.number > newest.number ? null : newest;
}

// ---------------------------------------------------------------- proposals

export const manifestoProposalStatuses = ["received", "under_discussion", "accepted", "partly_accepted", "not_accepted"] as const;
export type ManifestoProposalStatus = (typeof manifestoProposalStatuses)[number];

/** A decision must be explained: these statuses need a public answer. */
export const decidedProposalStatuses = ["accepted", "partly_accepted", "not_accepted"] as const satisfies readonly ManifestoProposalStatus[];
/** Only a proposal taken (in whole or in part) into the text links to the section it changed. */
export const acceptingProposalStatuses = ["accepted", "partly_accepted"] as const satisfies readonly ManifestoProposalStatus[];

export function isDecided(status: ManifestoProposalStatus): boolean {
  return (decidedProposalStatuses as readonly string[]).includes(status);
}

export function isAccepting(status: ManifestoProposalStatus): boolean {
  return (acceptingProposalStatuses as readonly string[]).includes(status);
}

/** wording: a new wording of the section (or, with a passage, of exactly that passage); idea: an idea for it. */
export const manifestoProposalKinds = ["wording", "idea"] as const;
export type ManifestoProposalKind = (typeof manifestoProposalKinds)[number];

/** Where a proposal was made: at an event (consultation, round table, forum), in the partner portal, or in writing. */
export const manifestoProposalChannels = ["event", "portal", "written"] as const;
export type ManifestoProposalChannel = (typeof manifestoProposalChannels)[number];

/** Who made it: an organization, or a refugee community representative recorded by staff. */
export const manifestoProposerTypes = ["organization", "refugee"] as const;

// ---------------------------------------------------------------- endorsements

/** portal: a partner user endorsed in the portal; paper: staff recorded a signed letter. */
export const manifestoEndorsementChannels = ["portal", "paper"] as const;
export type ManifestoEndorsementChannel = (typeof manifestoEndorsementChannels)[number];

// ---------------------------------------------------------------- forms

export const MANIFESTO_INTENT = {
  createVersion: "createVersion",
  updateVersion: "updateVersion",
  moveVersion: "moveVersion",
  addSection: "addSection",
  updateSection: "updateSection",
  deleteSection: "deleteSection",
  propose: "propose",
  answer: "answer",
  endorse: "endorse",
  withdraw: "withdraw",
  listing: "listing",
} as const;

const niemList = z
  .preprocess((v) => (v === undefined || v === "" ? [] : [v].flat()), z.array(requiredEnum(niemDimensions as unknown as [NiemDimension, ...NiemDimension[]])).max(niemDimensions.length))
  .transform((list) => [...new Set(list)]);

export const versionCreateInput = z.object({
  /** The version whose sections the new one starts from; empty = an empty version. */
  basedOnVersionId: optionalId,
  titleBg: requiredText(300),
  titleEn: optionalText(300),
  note: optionalText(4000),
});

export const versionUpdateInput = z.object({
  titleBg: requiredText(300),
  titleEn: optionalText(300),
  note: optionalText(4000),
  version: versionField,
});

export const versionMoveInput = z.object({
  to: requiredEnum(manifestoVersionStatuses),
  /** The day it was published for consultation or adopted. */
  on: requiredDate,
  /** The event where it was adopted (the forum), optional. */
  eventId: optionalId,
  version: versionField,
});

/** Light formatting in Markdown (headings, lists, emphasis): docs/decisions/016-manifesto-markdown-jsdiff-static-public-page.md. */
export const sectionInput = z.object({
  titleBg: requiredText(300),
  titleEn: optionalText(300),
  bodyBg: requiredText(30_000),
  bodyEn: optionalText(30_000),
  niemDimensions: niemList,
  position: z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(1, { error: "invalid" }).max(999, { error: "invalid" }),
});

export const sectionUpdateInput = sectionInput.extend({ version: versionField });

const proposalText = {
  kind: requiredEnum(manifestoProposalKinds),
  /** The exact passage of the section that the proposal replaces (a wording proposal on a selected paragraph). */
  passage: optionalText(5000),
  proposedText: requiredText(10_000),
  rationale: optionalText(5000),
  niemDimension: requiredEnum(niemDimensions as unknown as [NiemDimension, ...NiemDimension[]]),
};

/** What a partner sends in the portal: about a section of the version open for consultation. */
export const partnerProposalInput = z.object({
  sectionId: idParam,
  ...proposalText,
});
/** The only fields the portal's proposal form may carry. */
export const partnerProposalFields = ["intent", "sectionId", "paragraph", "kind", "passage", "proposedText", "rationale", "niemDimension"] as const;

/** What staff record from a consultation, a round table or a letter. */
export const staffProposalInput = z
  .object({
    sectionId: idParam,
    proposerType: requiredEnum(manifestoProposerTypes),
    organizationId: optionalId,
    refugeeContactId: optionalId,
    communityName: optionalText(200),
    oblast: optionalEnum(oblasts),
    channel: requiredEnum(manifestoProposalChannels),
    eventId: optionalId,
    madeOn: requiredDate,
    ...proposalText,
  })
  .superRefine((v, ctx) => {
    if (v.proposerType === "organization" && !v.organizationId) ctx.addIssue({ code: "custom", path: ["organizationId"], message: "required" });
    if (v.proposerType === "refugee" && !v.refugeeContactId) ctx.addIssue({ code: "custom", path: ["refugeeContactId"], message: "required" });
    if (v.channel === "event" && !v.eventId) ctx.addIssue({ code: "custom", path: ["eventId"], message: "required" });
  });
export type StaffProposalInput = z.output<typeof staffProposalInput>;
export type PartnerProposalInput = z.output<typeof partnerProposalInput>;

/** Staff's answer: a status, the public answer in Bulgarian (and English), the section it changed. */
export const answerInput = z
  .object({
    status: requiredEnum(manifestoProposalStatuses),
    answerBg: optionalText(10_000),
    answerEn: optionalText(10_000),
    acceptedIntoSectionId: optionalId,
    version: versionField,
  })
  .superRefine((v, ctx) => {
    if (isDecided(v.status) && !v.answerBg) ctx.addIssue({ code: "custom", path: ["answerBg"], message: "manifestoAnswerRequired" });
    if (v.answerEn && !v.answerBg) ctx.addIssue({ code: "custom", path: ["answerBg"], message: "required" });
    if (v.acceptedIntoSectionId && !isAccepting(v.status)) ctx.addIssue({ code: "custom", path: ["acceptedIntoSectionId"], message: "manifestoOnlyAccepted" });
  });
export type AnswerInput = z.output<typeof answerInput>;

const endorsementText = {
  signatoryName: requiredText(200),
  signatoryPosition: optionalText(200),
  statementBg: optionalText(4000),
  statementEn: optionalText(4000),
  listPublicly: checkbox,
  /** The signatory agreed that their name is shown on the public page. */
  showSignatory: checkbox,
};

export const partnerEndorsementInput = z.object({ versionId: idParam, ...endorsementText });
export const partnerEndorsementFields = ["intent", "versionId", "signatoryName", "signatoryPosition", "statementBg", "statementEn", "listPublicly", "showSignatory"] as const;

export const staffEndorsementInput = z
  .object({
    versionId: idParam,
    organizationId: idParam,
    /** A person of the organization; or, for someone not in the registry, only the name below. */
    signatoryPersonId: optionalId,
    signedOn: requiredDate,
    ...endorsementText,
    signatoryName: optionalText(200),
  })
  .superRefine((v, ctx) => {
    if (!v.signatoryPersonId && !v.signatoryName) ctx.addIssue({ code: "custom", path: ["signatoryName"], message: "required" });
  });
export type StaffEndorsementInput = z.output<typeof staffEndorsementInput>;
export type PartnerEndorsementInput = z.output<typeof partnerEndorsementInput>;

export const withdrawInput = z.object({ endorsementId: idParam, reason: optionalText(2000) });
export const listingInput = z.object({ endorsementId: idParam, listPublicly: checkbox, showSignatory: checkbox, version: versionField });
export const partnerEndorsementActionFields = ["intent", "endorsementId", "reason", "listPublicly", "showSignatory", "version"] as const;

// ---------------------------------------------------------------- list and report filters

export const proposalFilters = z.object({
  version: optionalId,
  status: optionalEnum(manifestoProposalStatuses),
  kind: optionalEnum(organizationKinds),
  dimension: optionalEnum(niemDimensions as unknown as [NiemDimension, ...NiemDimension[]]),
  event: optionalId,
  from: optionalDate,
  to: optionalDate,
});
export type ProposalFilters = z.output<typeof proposalFilters>;

/** The filters of a URL; a bad value is dropped (as if not given), never an error. */
export function parseProposalFilters(search: URLSearchParams): Partial<ProposalFilters> {
  const filters: Record<string, unknown> = {};
  for (const key of Object.keys(proposalFilters.shape) as Array<keyof ProposalFilters>) {
    const one = proposalFilters.shape[key].safeParse(search.get(key) ?? undefined);
    if (one.success && one.data != null) filters[key] = one.data;
  }
  return filters as Partial<ProposalFilters>;
}

/** The manifesto's export files: /manifesto/export/<kind>.<format>. */
export const manifestoExportKinds = ["proposals", "endorsers"] as const;
export type ManifestoExportKind = (typeof manifestoExportKinds)[number];
