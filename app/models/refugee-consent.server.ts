// Consent of refugee contacts (GDPR Art. 9): the one place that says what "current consent"
// means, which purposes an event role needs, and when a contact is flagged. The pure rules
// come first (unit-tested); the SQL conditions and writes below follow the same definitions.
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { requireCapability, type CurrentUser } from "../auth/access.server.ts";
import { getDb, type DbOrTx } from "../db/client.server.ts";
import { refugeeConsents, refugeeContacts, users } from "../db/schema.ts";
import { consentPurposes, type ConsentPurpose, type RefugeeParticipantRole } from "../domain/enums.ts";
import type { ConsentInput, ConsentState } from "../domain/refugee.ts";
import { notFound } from "../auth/access.server.ts";
import { writeAudit } from "./audit.server.ts";
import { earlierSubmission, noteSubmission, type WriteContext } from "./record-write.server.ts";
import { noticeStoryOwners, withdrawStoriesNaming, type WithdrawnStory } from "./story-withdrawal.server.ts";
import { todayIso } from "../lib/calendar-day.ts";

export type ConsentRecord = Pick<typeof refugeeConsents.$inferSelect, "givenOn" | "purposes" | "expiresOn" | "withdrawnOn">;

// ---------------------------------------------------------------- the rules (pure)

/** Today's date in Sofia as `YYYY-MM-DD`: consent dates are Bulgarian calendar dates. */
export { todayIso };

export function purposesOf(consent: Pick<ConsentRecord, "purposes">): ConsentPurpose[] {
  return consent.purposes
    .split(",")
    .map((p) => p.trim())
    .filter((p): p is ConsentPurpose => (consentPurposes as readonly string[]).includes(p));
}

/**
 * A consent is current for a purpose when it names the purpose, was given on or before today,
 * has not been withdrawn and has not expired (the expiry date is its last valid day).
 */
export function isCurrentConsent(consent: ConsentRecord, purpose: ConsentPurpose | null, today: string): boolean {
  if (purpose && !purposesOf(consent).includes(purpose)) return false;
  if (consent.givenOn > today) return false;
  if (consent.withdrawnOn) return false;
  if (consent.expiresOn && consent.expiresOn < today) return false;
  return true;
}

export function hasCurrentConsent(consents: ConsentRecord[], purpose: ConsentPurpose, today: string): boolean {
  return consents.some((c) => isCurrentConsent(c, purpose, today));
}

/** The purposes for which the contact currently consents. */
export function currentPurposes(consents: ConsentRecord[], today: string): ConsentPurpose[] {
  return consentPurposes.filter((p) => hasCurrentConsent(consents, p, today));
}

/** Flagged: no current consent for any purpose, so the contact may not be involved in anything. */
export function isFlagged(consents: ConsentRecord[], today: string): boolean {
  return currentPurposes(consents, today).length === 0;
}

/** current: some consent is current; withdrawn: none is, and one was withdrawn; none: otherwise (never given, expired). */
export function consentStateOf(consents: ConsentRecord[], today: string): ConsentState {
  if (!isFlagged(consents, today)) return "current";
  if (consents.some((c) => c.withdrawnOn)) return "withdrawn";
  return "none";
}

/** Taking part in an event needs consent to forum participation; telling one's story also to its publication. */
export function requiredPurposesForRole(role: RefugeeParticipantRole): ConsentPurpose[] {
  return role === "story_teller" ? ["forum_participation", "story_publication"] : ["forum_participation"];
}

export function missingPurposesForRole(consents: ConsentRecord[], role: RefugeeParticipantRole, today: string): ConsentPurpose[] {
  return requiredPurposesForRole(role).filter((p) => !hasCurrentConsent(consents, p, today));
}

// ---------------------------------------------------------------- the same rules in SQL (list filters)

function currentConsentCondition(today: string, purpose?: ConsentPurpose): SQL {
  return sql`${refugeeConsents.givenOn} <= ${today}
    AND ${refugeeConsents.withdrawnOn} IS NULL
    AND (${refugeeConsents.expiresOn} IS NULL OR ${refugeeConsents.expiresOn} >= ${today})
    ${purpose ? sql`AND (',' || ${refugeeConsents.purposes} || ',') LIKE ${`%,${purpose},%`}` : sql``}`;
}

/** A WHERE condition on `contactId` selecting contacts in the given consent state (see consentStateOf). */
export function consentStateCondition(contactId: AnySQLiteColumn, state: ConsentState, today: string): SQL {
  const current = sql`EXISTS (SELECT 1 FROM ${refugeeConsents} WHERE ${refugeeConsents.refugeeContactId} = ${contactId} AND ${currentConsentCondition(today)})`;
  const withdrawn = sql`EXISTS (SELECT 1 FROM ${refugeeConsents} WHERE ${refugeeConsents.refugeeContactId} = ${contactId} AND ${refugeeConsents.withdrawnOn} IS NOT NULL)`;
  if (state === "current") return current;
  if (state === "withdrawn") return sql`NOT ${current} AND ${withdrawn}`;
  return sql`NOT ${current} AND NOT ${withdrawn}`;
}

// ---------------------------------------------------------------- queries

export function consentsOf(db: DbOrTx, contactId: number) {
  return db
    .select({
      id: refugeeConsents.id,
      givenOn: refugeeConsents.givenOn,
      purposes: refugeeConsents.purposes,
      legalBasis: refugeeConsents.legalBasis,
      expiresOn: refugeeConsents.expiresOn,
      withdrawnOn: refugeeConsents.withdrawnOn,
      recordedByName: users.name,
      createdAt: refugeeConsents.createdAt,
    })
    .from(refugeeConsents)
    .leftJoin(users, eq(users.id, refugeeConsents.recordedById))
    .where(eq(refugeeConsents.refugeeContactId, contactId))
    .orderBy(asc(refugeeConsents.givenOn), asc(refugeeConsents.id))
    .all();
}

/** Consent records of many contacts at once (for list and participant flags). */
export function consentsByContact(db: DbOrTx, contactIds: number[]): Map<number, ConsentRecord[]> {
  const byContact = new Map<number, ConsentRecord[]>(contactIds.map((id) => [id, []]));
  if (!contactIds.length) return byContact;
  const rows = db
    .select({
      contactId: refugeeConsents.refugeeContactId,
      givenOn: refugeeConsents.givenOn,
      purposes: refugeeConsents.purposes,
      expiresOn: refugeeConsents.expiresOn,
      withdrawnOn: refugeeConsents.withdrawnOn,
    })
    .from(refugeeConsents)
    .where(sql`${refugeeConsents.refugeeContactId} IN (SELECT value FROM json_each(${JSON.stringify(contactIds)}))`)
    .all();
  for (const { contactId, ...consent } of rows) byContact.get(contactId)?.push(consent);
  return byContact;
}

// ---------------------------------------------------------------- writes

function requireWritableContact(db: DbOrTx, contactId: number) {
  const contact = db.select({ id: refugeeContacts.id, erasedAt: refugeeContacts.erasedAt }).from(refugeeContacts).where(eq(refugeeContacts.id, contactId)).get();
  if (!contact) throw notFound();
  return contact;
}

export type ConsentWriteResult = { ok: true } | { ok: false; reason: "erased" | "notFound" | "alreadyWithdrawn" };

export function addConsent(user: CurrentUser, contactId: number, input: ConsentInput, ctx: WriteContext = {}): ConsentWriteResult {
  requireCapability(user, "writeRefugeeContacts");
  return getDb().transaction((tx) => {
    if (requireWritableContact(tx, contactId).erasedAt) return { ok: false, reason: "erased" } as const;
    if (earlierSubmission(tx, user.id, ctx, "refugee_consent") !== null) return { ok: true } as const;
    const consent = {
      givenOn: input.givenOn,
      purposes: input.purposes.join(","),
      legalBasis: input.legalBasis,
      expiresOn: input.expiresOn,
    };
    const created = tx
      .insert(refugeeConsents)
      .values({ ...consent, refugeeContactId: contactId, recordedById: user.id })
      .returning({ id: refugeeConsents.id })
      .get();
    touchContact(tx, contactId);
    writeAudit(tx, {
      userId: user.id,
      action: "consent_add",
      entityType: "refugee_contact",
      entityId: contactId,
      detail: { consentId: created.id, ...consent },
      ip: ctx.ip,
    });
    noteSubmission(tx, user.id, ctx, "refugee_consent", created.id);
    return { ok: true } as const;
  });
}

/**
 * Withdrawal is one action: the consent stops being current today. When the contact no longer
 * consents to story publication, every story naming them is withdrawn in the same transaction
 * (issue 19) and the stories' owners are told once it has committed.
 */
export function withdrawConsent(user: CurrentUser, contactId: number, consentId: number, ctx: WriteContext = {}): ConsentWriteResult {
  requireCapability(user, "writeRefugeeContacts");
  let withdrawnStories: WithdrawnStory[] = [];
  const result = getDb().transaction((tx) => {
    if (requireWritableContact(tx, contactId).erasedAt) return { ok: false, reason: "erased" } as const;
    const consent = tx
      .select()
      .from(refugeeConsents)
      .where(and(eq(refugeeConsents.id, consentId), eq(refugeeConsents.refugeeContactId, contactId)))
      .get();
    if (!consent) return { ok: false, reason: "notFound" } as const;
    if (consent.withdrawnOn) return { ok: false, reason: "alreadyWithdrawn" } as const;
    const withdrawnOn = todayIso();
    tx.update(refugeeConsents).set({ withdrawnOn }).where(eq(refugeeConsents.id, consentId)).run();
    touchContact(tx, contactId);
    writeAudit(tx, {
      userId: user.id,
      action: "consent_withdraw",
      entityType: "refugee_contact",
      entityId: contactId,
      detail: { consentId, withdrawnOn },
      ip: ctx.ip,
    });
    if (!hasCurrentConsent(consentsOf(tx, contactId), "story_publication", withdrawnOn)) {
      withdrawnStories = withdrawStoriesNaming(tx, { contactId, reason: "consent_withdrawn", userId: user.id, ip: ctx.ip });
    }
    return { ok: true } as const;
  });
  noticeStoryOwners(withdrawnStories);
  return result;
}

/** A consent change counts as a change of the contact in "recently updated" (its fields, and so its version, stay). */
function touchContact(tx: DbOrTx, contactId: number) {
  tx.update(refugeeContacts)
    .set({ updatedAt: new Date().toISOString() })
    .where(eq(refugeeContacts.id, contactId))
    .run();
}
