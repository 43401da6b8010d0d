// Proposals to the Manifesto: made by an organization (partners in the portal, staff from a
// consultation, a round table or a letter) or by a refugee community representative with a
// current consent for it; answered publicly by staff, who tell the proposer by e-mail.
import { and, asc, desc, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import {
  can,
  canReadManifestoProposal,
  notFound,
  requireCapability,
  requireManifestoPartner,
  type CurrentUser,
} from "../auth/access.server.ts";
import { getDb, type DbOrTx } from "../db/client.server.ts";
import { events, manifestoProposals, manifestoSections, manifestoVersions, organizations, refugeeContacts, users } from "../db/schema.ts";
import type { OrganizationKind } from "../domain/enums.ts";
import {
  isAccepting,
  type AnswerInput,
  type ManifestoProposalStatus,
  type PartnerProposalInput,
  type ProposalFilters,
  type StaffProposalInput,
} from "../domain/manifesto.ts";
import { env } from "../env.server.ts";
import { formatDate, makeTranslate } from "../i18n/i18n.ts";
import { todayIso } from "../lib/calendar-day.ts";
import type { FieldErrors } from "../lib/forms.ts";
import { diffWordParts, type WordPart } from "../lib/manifesto-diff.ts";
import { plainText, splitParagraphs } from "../lib/markdown.ts";
import { writeAudit } from "./audit.server.ts";
import { sendMail } from "./mailer.server.ts";
import { currentVersions } from "./manifesto.server.ts";
import { consentsByContact, hasCurrentConsent } from "./refugee-consent.server.ts";
import { updateVersioned, type VersionedResult, type WriteContext } from "./record-write.server.ts";

export type ManifestoProposal = typeof manifestoProposals.$inferSelect;

const answeredBy = alias(users, "answered_by");
const intoSection = alias(manifestoSections, "into_section");
const intoVersion = alias(manifestoVersions, "into_version");

// ---------------------------------------------------------------- reading

function proposalRows(db: DbOrTx, where: SQL | undefined, order: SQL[] = [desc(manifestoProposals.madeOn), desc(manifestoProposals.id)]) {
  return db
    .select({
      id: manifestoProposals.id,
      versionId: manifestoProposals.versionId,
      versionNumber: manifestoVersions.number,
      versionStatus: manifestoVersions.status,
      sectionId: manifestoProposals.sectionId,
      sectionPosition: manifestoSections.position,
      sectionTitle: manifestoSections.titleBg,
      sectionTitleEn: manifestoSections.titleEn,
      organizationId: manifestoProposals.organizationId,
      organizationName: organizations.name,
      refugeeContactId: manifestoProposals.refugeeContactId,
      communityName: manifestoProposals.communityName,
      organizationKind: manifestoProposals.organizationKind,
      oblast: manifestoProposals.oblast,
      niemDimension: manifestoProposals.niemDimension,
      kind: manifestoProposals.kind,
      passage: manifestoProposals.passage,
      paragraphIndex: manifestoProposals.paragraphIndex,
      proposedText: manifestoProposals.proposedText,
      rationale: manifestoProposals.rationale,
      channel: manifestoProposals.channel,
      eventId: manifestoProposals.eventId,
      eventTitle: events.title,
      madeOn: manifestoProposals.madeOn,
      status: manifestoProposals.status,
      answerBg: manifestoProposals.answerBg,
      answerEn: manifestoProposals.answerEn,
      answeredAt: manifestoProposals.answeredAt,
      answeredByName: answeredBy.name,
      acceptedIntoSectionId: manifestoProposals.acceptedIntoSectionId,
      acceptedIntoTitle: intoSection.titleBg,
      acceptedIntoVersionId: intoVersion.id,
      acceptedIntoVersionNumber: intoVersion.number,
      acceptedIntoVersionStatus: intoVersion.status,
      createdAt: manifestoProposals.createdAt,
      version: manifestoProposals.version,
    })
    .from(manifestoProposals)
    .innerJoin(manifestoVersions, eq(manifestoVersions.id, manifestoProposals.versionId))
    .innerJoin(manifestoSections, eq(manifestoSections.id, manifestoProposals.sectionId))
    .leftJoin(organizations, eq(organizations.id, manifestoProposals.organizationId))
    .leftJoin(events, eq(events.id, manifestoProposals.eventId))
    .leftJoin(answeredBy, eq(answeredBy.id, manifestoProposals.answeredById))
    .leftJoin(intoSection, eq(intoSection.id, manifestoProposals.acceptedIntoSectionId))
    .leftJoin(intoVersion, eq(intoVersion.id, intoSection.versionId))
    .where(where)
    .orderBy(...order)
    .all();
}

export type ProposalRow = ReturnType<typeof proposalRows>[number];

/** What the outside world may know of where a proposal went: a draft is still BCRM's working text. */
function forPartner(row: ProposalRow): ProposalRow {
  if (row.acceptedIntoVersionStatus === "draft") {
    return { ...row, acceptedIntoSectionId: null, acceptedIntoTitle: null, acceptedIntoVersionId: null, acceptedIntoVersionStatus: null };
  }
  return row;
}

export function proposalConditions(filters: Partial<ProposalFilters>): SQL | undefined {
  return and(
    filters.version ? eq(manifestoProposals.versionId, filters.version) : undefined,
    filters.status ? eq(manifestoProposals.status, filters.status) : undefined,
    filters.kind ? eq(manifestoProposals.organizationKind, filters.kind) : undefined,
    filters.dimension ? eq(manifestoProposals.niemDimension, filters.dimension) : undefined,
    filters.event ? eq(manifestoProposals.eventId, filters.event) : undefined,
    filters.from ? gte(manifestoProposals.madeOn, filters.from) : undefined,
    filters.to ? lte(manifestoProposals.madeOn, filters.to) : undefined,
  );
}

/** Staff's list, with the filters of the proposals page and its exports. */
export function listProposals(user: CurrentUser, filters: Partial<ProposalFilters> = {}): ProposalRow[] {
  requireCapability(user, "readManifesto");
  return proposalRows(getDb(), proposalConditions(filters));
}

/** The partner's own organization's proposals, newest first, with their answers. */
export function partnerProposals(user: CurrentUser): ProposalRow[] {
  const organizationId = requireManifestoPartner(user);
  return proposalRows(getDb(), eq(manifestoProposals.organizationId, organizationId), [desc(manifestoProposals.createdAt), desc(manifestoProposals.id)]).map(forPartner);
}

export type ProposalDetail = ProposalRow & {
  /** The selected passage against the proposed wording, words marked. */
  passageDiff: WordPart[] | null;
  /** Staff only: the representative who made it (a refugee contact). */
  refugeeName: string | null;
};

/** One proposal, if the user may read it (a partner: only their organization's); else 404. */
export function getProposal(user: CurrentUser, id: number, ctx: WriteContext = {}): ProposalDetail {
  if (!can(user, "readManifesto")) requireManifestoPartner(user);
  const db = getDb();
  const row = proposalRows(db, eq(manifestoProposals.id, id))[0];
  if (!row || !canReadManifestoProposal(user, row)) throw notFound();
  const staff = can(user, "readManifesto");
  let refugeeName: string | null = null;
  if (staff && row.refugeeContactId) {
    refugeeName = db.select({ name: refugeeContacts.name }).from(refugeeContacts).where(eq(refugeeContacts.id, row.refugeeContactId)).get()?.name ?? null;
    // Special-category data: every view of a refugee contact is in the audit log.
    writeAudit(db, { userId: user.id, action: "view", entityType: "refugee_contact", entityId: row.refugeeContactId, detail: { via: "manifesto_proposal", proposalId: id }, ip: ctx.ip });
  }
  const visible = staff ? row : forPartner(row);
  return { ...visible, passageDiff: row.passage ? diffWordParts(row.passage, row.proposedText) : null, refugeeName };
}

// ---------------------------------------------------------------- making a proposal

export type ProposalOutcome = { ok: true; id: number } | { ok: false; errors: FieldErrors };
const refused = (errors: FieldErrors): ProposalOutcome => ({ ok: false, errors });

/** The passage must be a piece of the section's text, so the proposal replaces exactly that. */
function checkPassage(section: { bodyBg: string; bodyEn: string | null }, passage: string | null): { index: number | null } | null {
  if (!passage) return { index: null };
  const normal = (s: string) => s.replace(/\s+/g, " ").trim();
  for (const body of [section.bodyBg, section.bodyEn ?? ""]) {
    const paragraphs = splitParagraphs(body);
    const index = paragraphs.findIndex((p) => normal(p).includes(normal(passage)));
    if (index >= 0) return { index };
  }
  return null;
}

/** A partner's proposal about a section of the version open for consultation, for their own organization. */
export function createPartnerProposal(user: CurrentUser, input: PartnerProposalInput, ctx: WriteContext = {}): ProposalOutcome {
  const organizationId = requireManifestoPartner(user);
  return getDb().transaction((tx): ProposalOutcome => {
    const { consultation } = currentVersions(tx);
    if (!consultation) return refused({ _form: ["manifestoNoConsultation"] });
    const section = tx.select().from(manifestoSections).where(eq(manifestoSections.id, input.sectionId)).get();
    // A section of any other version is out of the partner's reach: not found, not an error.
    if (!section || section.versionId !== consultation.id) throw notFound();
    const passage = checkPassage(section, input.passage);
    if (!passage) return refused({ passage: ["manifestoPassageNotInSection"] });
    const organization = tx.select().from(organizations).where(eq(organizations.id, organizationId)).get();
    if (!organization) throw notFound();
    const values = {
      versionId: consultation.id,
      sectionId: section.id,
      organizationId,
      organizationKind: organization.kind,
      oblast: organization.oblast,
      niemDimension: input.niemDimension,
      kind: input.passage ? ("wording" as const) : input.kind,
      passage: input.passage,
      paragraphIndex: passage.index,
      proposedText: input.proposedText,
      rationale: input.rationale,
      channel: "portal" as const,
      madeOn: todayIso(),
      submittedById: user.id,
    };
    const created = tx.insert(manifestoProposals).values(values).returning({ id: manifestoProposals.id }).get();
    writeAudit(tx, { userId: user.id, action: "create", entityType: "manifesto_proposal", entityId: created.id, changes: values, ip: ctx.ip });
    return { ok: true as const, id: created.id };
  });
}

/** Refugee contacts who may be recorded as proposers now: not erased, with a current consent for Manifesto proposals. */
export function refugeeProposerChoices(user: CurrentUser, today = todayIso()): Array<{ id: number; label: string }> {
  requireCapability(user, "writeManifesto");
  const db = getDb();
  const contacts = db
    .select({ id: refugeeContacts.id, label: refugeeContacts.name })
    .from(refugeeContacts)
    .where(sql`${refugeeContacts.erasedAt} IS NULL`)
    .orderBy(asc(refugeeContacts.sortKey))
    .all();
  const consents = consentsByContact(db, contacts.map((c) => c.id));
  return contacts.filter((c) => hasCurrentConsent(consents.get(c.id) ?? [], "manifesto_proposal", today));
}

/** A proposal staff record from a consultation, a round table or a letter. */
export function createStaffProposal(user: CurrentUser, input: StaffProposalInput, ctx: WriteContext = {}): ProposalOutcome {
  requireCapability(user, "writeManifesto");
  return getDb().transaction((tx) => {
    const errors: FieldErrors = {};
    const section = tx.select().from(manifestoSections).where(eq(manifestoSections.id, input.sectionId)).get();
    if (!section) errors.sectionId = ["invalidChoice"];
    const passage = section ? checkPassage(section, input.passage) : { index: null };
    if (!passage) errors.passage = ["manifestoPassageNotInSection"];
    let organizationKind: OrganizationKind = "refugee_led";
    let oblast = input.oblast;
    let organizationId: number | null = null;
    let refugeeContactId: number | null = null;
    if (input.proposerType === "organization") {
      const organization = tx.select().from(organizations).where(eq(organizations.id, input.organizationId!)).get();
      if (!organization) errors.organizationId = ["invalidChoice"];
      else {
        organizationId = organization.id;
        organizationKind = organization.kind;
        oblast = organization.oblast;
      }
    } else {
      const contact = tx.select().from(refugeeContacts).where(eq(refugeeContacts.id, input.refugeeContactId!)).get();
      const consents = contact ? (consentsByContact(tx, [contact.id]).get(contact.id) ?? []) : [];
      // Recording someone's proposal under their name needs their consent for exactly that, today.
      if (!contact || contact.erasedAt) errors.refugeeContactId = ["invalidChoice"];
      else if (!hasCurrentConsent(consents, "manifesto_proposal", todayIso())) errors.refugeeContactId = ["manifestoNoConsent"];
      else refugeeContactId = contact.id;
    }
    if (input.eventId && !tx.select({ id: events.id }).from(events).where(eq(events.id, input.eventId)).get()) errors.eventId = ["invalidChoice"];
    if (Object.keys(errors).length || !section || !passage) return { ok: false as const, errors };
    const values = {
      versionId: section.versionId,
      sectionId: section.id,
      organizationId,
      refugeeContactId,
      communityName: input.proposerType === "refugee" ? input.communityName : null,
      organizationKind,
      oblast,
      niemDimension: input.niemDimension,
      kind: input.kind,
      passage: input.passage,
      paragraphIndex: passage.index,
      proposedText: input.proposedText,
      rationale: input.rationale,
      channel: input.channel,
      eventId: input.channel === "event" ? input.eventId : null,
      madeOn: input.madeOn,
      submittedById: user.id,
    };
    const created = tx.insert(manifestoProposals).values(values).returning({ id: manifestoProposals.id }).get();
    writeAudit(tx, { userId: user.id, action: "create", entityType: "manifesto_proposal", entityId: created.id, changes: values, ip: ctx.ip });
    return { ok: true as const, id: created.id };
  });
}

// ---------------------------------------------------------------- answering

export type AnswerOutcome = VersionedResult<ManifestoProposal> | { ok: false; reason: "invalid"; errors: FieldErrors };

/**
 * Staff's public answer and status. The section an accepted proposal went into must belong to a
 * later version. When the answer text is new or changed, the proposer hears of it by e-mail.
 */
export async function answerProposal(user: CurrentUser, id: number, input: AnswerInput, ctx: WriteContext = {}): Promise<AnswerOutcome> {
  requireCapability(user, "writeManifesto");
  const db = getDb();
  const before = db.select().from(manifestoProposals).where(eq(manifestoProposals.id, id)).get();
  if (!before) throw notFound();
  if (input.acceptedIntoSectionId) {
    const target = db
      .select({ number: manifestoVersions.number })
      .from(manifestoSections)
      .innerJoin(manifestoVersions, eq(manifestoVersions.id, manifestoSections.versionId))
      .where(eq(manifestoSections.id, input.acceptedIntoSectionId))
      .get();
    const own = db.select({ number: manifestoVersions.number }).from(manifestoVersions).where(eq(manifestoVersions.id, before.versionId)).get()!;
    if (!target || target.number <= own.number) return { ok: false, reason: "invalid", errors: { acceptedIntoSectionId: ["manifestoLaterVersion"] } };
  }
  const answerChanged = (input.answerBg ?? null) !== (before.answerBg ?? null) || (input.answerEn ?? null) !== (before.answerEn ?? null);
  const result = updateVersioned<ManifestoProposal>({
    user,
    table: manifestoProposals,
    entityType: "manifesto_proposal",
    id,
    expectedVersion: input.version,
    values: {
      status: input.status,
      answerBg: input.answerBg,
      answerEn: input.answerEn,
      acceptedIntoSectionId: isAccepting(input.status) ? input.acceptedIntoSectionId : null,
      ...(answerChanged ? { answeredAt: input.answerBg ? new Date().toISOString() : null, answeredById: input.answerBg ? user.id : null } : {}),
    },
    action: "answer",
    ctx,
  });
  if (result.ok && answerChanged && input.answerBg) {
    // After the commit: a refused send never undoes the answer (it waits in the outbox with its error).
    await notifyProposer(id).catch((error) => {
      console.error(JSON.stringify({ t: new Date().toISOString(), event: "manifesto_answer_notice_failed", proposalId: id, error: String(error) }));
    });
  }
  return result;
}

/** E-mails the answer to the proposing organization's partner users (in each one's language). */
export async function notifyProposer(proposalId: number, settings: { smtpUrl?: string | null; appUrl?: string } = {}) {
  const db = getDb();
  const p = proposalRows(db, eq(manifestoProposals.id, proposalId))[0];
  if (!p?.organizationId || !p.answerBg) return [];
  const appUrl = (settings.appUrl ?? env().APP_URL).replace(/\/$/, "");
  const recipients = db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.organizationId, p.organizationId), eq(users.role, "partner"), eq(users.active, true)))
    .all();
  const outcomes = [];
  for (const r of recipients) {
    const t = makeTranslate(r.locale);
    const answer = r.locale === "en" && p.answerEn ? p.answerEn : p.answerBg;
    const section = r.locale === "en" && p.sectionTitleEn ? p.sectionTitleEn : p.sectionTitle;
    const text = [
      t("reminders.digest.greeting", { name: r.name }),
      "",
      t("manifesto.mail.body", { section, date: formatDate(r.locale, p.madeOn) }),
      "",
      `${t("manifesto.proposal.status")}: ${t(`enum.manifestoProposalStatus.${p.status as ManifestoProposalStatus}`)}`,
      "",
      plainText(answer),
      "",
      t("manifesto.mail.link", { url: `${appUrl}/shared/manifesto/proposals/${p.id}` }),
    ].join("\n");
    outcomes.push(await sendMail({ userId: r.id, to: r.email, kind: "manifesto_answer", subject: t("manifesto.mail.subject", { section }), text }, settings));
  }
  return outcomes;
}

/** How many proposals have a public answer, of how many (the share answered). */
export function answeredShare(where?: SQL): { answered: number; total: number } {
  const row = getDb()
    .select({ total: sql<number>`count(*)`, answered: sql<number>`count(${manifestoProposals.answeredAt})` })
    .from(manifestoProposals)
    .where(where)
    .get();
  return { answered: row?.answered ?? 0, total: row?.total ?? 0 };
}

