// Endorsements of an adopted version of the Manifesto: partners endorse for their own
// organization in the portal; staff record endorsements received on paper, with the scanned
// letter. One standing endorsement per organization and version; a withdrawn one stays in the
// history (withdrawnAt), and the organization may endorse again.
import fs from "node:fs";
import { aliasedTable, and, asc, desc, eq, isNull, type SQL } from "drizzle-orm";
import {
  can,
  canChangeManifestoEndorsement,
  notFound,
  requireCapability,
  requireManifestoPartner,
  type CurrentUser,
} from "../auth/access.server.ts";
import { getDb, type DbOrTx } from "../db/client.server.ts";
import { evidenceFiles, manifestoEndorsements, manifestoVersions, organizations, people, users } from "../db/schema.ts";
import type { PartnerEndorsementInput, StaffEndorsementInput } from "../domain/manifesto.ts";
import { todayIso } from "../lib/calendar-day.ts";
import type { FieldErrors } from "../lib/forms.ts";
import { writeAudit } from "./audit.server.ts";
import { storeEvidenceFile } from "./evidence.server.ts";
import { updateVersioned, type VersionedResult, type WriteContext } from "./record-write.server.ts";

export type ManifestoEndorsement = typeof manifestoEndorsements.$inferSelect;

const recordedBy = aliasedTable(users, "recorded_by");

function endorsementRows(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({
      id: manifestoEndorsements.id,
      versionId: manifestoEndorsements.versionId,
      versionNumber: manifestoVersions.number,
      organizationId: manifestoEndorsements.organizationId,
      organizationName: organizations.name,
      organizationKind: organizations.kind,
      oblast: organizations.oblast,
      signatoryPersonId: manifestoEndorsements.signatoryPersonId,
      signatoryName: manifestoEndorsements.signatoryName,
      signatoryPosition: manifestoEndorsements.signatoryPosition,
      signedOn: manifestoEndorsements.signedOn,
      statementBg: manifestoEndorsements.statementBg,
      statementEn: manifestoEndorsements.statementEn,
      listPublicly: manifestoEndorsements.listPublicly,
      showSignatory: manifestoEndorsements.showSignatory,
      channel: manifestoEndorsements.channel,
      letterFileId: manifestoEndorsements.letterFileId,
      letterFileName: evidenceFiles.originalName,
      recordedByName: recordedBy.name,
      withdrawnAt: manifestoEndorsements.withdrawnAt,
      withdrawalReason: manifestoEndorsements.withdrawalReason,
      createdAt: manifestoEndorsements.createdAt,
      version: manifestoEndorsements.version,
    })
    .from(manifestoEndorsements)
    .innerJoin(manifestoVersions, eq(manifestoVersions.id, manifestoEndorsements.versionId))
    .innerJoin(organizations, eq(organizations.id, manifestoEndorsements.organizationId))
    .leftJoin(evidenceFiles, eq(evidenceFiles.id, manifestoEndorsements.letterFileId))
    .leftJoin(recordedBy, eq(recordedBy.id, manifestoEndorsements.recordedById))
    .where(where)
    .orderBy(desc(manifestoEndorsements.signedOn), desc(manifestoEndorsements.id))
    .all();
}

export type EndorsementRow = ReturnType<typeof endorsementRows>[number];

/** Staff: every endorsement (withdrawn ones too), newest first; optionally of one version. */
export function listEndorsements(user: CurrentUser, versionId?: number | null): EndorsementRow[] {
  requireCapability(user, "readManifesto");
  return endorsementRows(getDb(), versionId ? eq(manifestoEndorsements.versionId, versionId) : undefined);
}

/** A partner: their own organization's endorsements, withdrawn ones too (no letter files, no staff names). */
export function partnerEndorsements(user: CurrentUser): EndorsementRow[] {
  const organizationId = requireManifestoPartner(user);
  return endorsementRows(getDb(), eq(manifestoEndorsements.organizationId, organizationId)).map((e) => ({ ...e, letterFileId: null, letterFileName: null, recordedByName: null }));
}

export type EndorseOutcome = { ok: true; id: number } | { ok: false; errors: FieldErrors };

type EndorsementValues = Omit<typeof manifestoEndorsements.$inferInsert, "id" | "createdAt" | "updatedAt" | "version">;

/** Why an organization may not endorse this version now, or null. */
function endorsementRefusal(tx: DbOrTx, versionId: number, organizationId: number): FieldErrors | null {
  const version = tx.select().from(manifestoVersions).where(eq(manifestoVersions.id, versionId)).get();
  // Only an adopted text can be endorsed: a draft or a consultation text may still change.
  if (!version || version.status !== "adopted") return { versionId: ["manifestoNotAdopted"] };
  const standing = tx
    .select({ id: manifestoEndorsements.id })
    .from(manifestoEndorsements)
    .where(and(eq(manifestoEndorsements.versionId, versionId), eq(manifestoEndorsements.organizationId, organizationId), isNull(manifestoEndorsements.withdrawnAt)))
    .get();
  return standing ? { _form: ["manifestoAlreadyEndorsed"] } : null;
}

function insertEndorsement(tx: DbOrTx, user: CurrentUser, values: EndorsementValues, ctx: WriteContext): number {
  const created = tx.insert(manifestoEndorsements).values(values).returning({ id: manifestoEndorsements.id }).get();
  writeAudit(tx, { userId: user.id, action: "create", entityType: "manifesto_endorsement", entityId: created.id, changes: values, ip: ctx.ip });
  return created.id;
}

/** A partner endorses an adopted version for their own organization, signed by themselves today. */
export function endorseAsPartner(user: CurrentUser, input: PartnerEndorsementInput, ctx: WriteContext = {}): EndorseOutcome {
  const organizationId = requireManifestoPartner(user);
  return getDb().transaction((tx) => {
    const refusal = endorsementRefusal(tx, input.versionId, organizationId);
    if (refusal) return { ok: false as const, errors: refusal };
    const id = insertEndorsement(
      tx,
      user,
      {
        versionId: input.versionId,
        organizationId,
        signatoryPersonId: null,
        signatoryName: input.signatoryName,
        signatoryPosition: input.signatoryPosition,
        signedOn: todayIso(),
        statementBg: input.statementBg,
        statementEn: input.statementEn,
        listPublicly: input.listPublicly,
        showSignatory: input.showSignatory,
        channel: "portal",
        letterFileId: null,
        recordedById: user.id,
      },
      ctx,
    );
    return { ok: true as const, id };
  });
}

export type LetterUpload = { bytes: Uint8Array; mimeType: string; originalName: string };

/** Staff record an endorsement received on paper; the scanned letter is kept like evidence files. */
export function recordPaperEndorsement(user: CurrentUser, input: StaffEndorsementInput, letter: LetterUpload | null, ctx: WriteContext = {}): EndorseOutcome {
  requireCapability(user, "writeManifesto");
  let storedPath: string | null = null;
  try {
    return getDb().transaction((tx) => {
      const organization = tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, input.organizationId)).get();
      if (!organization) return { ok: false as const, errors: { organizationId: ["invalidChoice"] } };
      let signatoryName = input.signatoryName ?? "";
      if (input.signatoryPersonId) {
        const person = tx.select().from(people).where(eq(people.id, input.signatoryPersonId)).get();
        // The signatory is a person of that organization, never someone else's contact.
        if (!person || person.organizationId !== organization.id) return { ok: false as const, errors: { signatoryPersonId: ["manifestoPersonNotOfOrganization"] } };
        signatoryName = person.name;
      }
      const refusal = endorsementRefusal(tx, input.versionId, organization.id);
      if (refusal) return { ok: false as const, errors: refusal };
      let letterFileId: number | null = null;
      if (letter) {
        const stored = storeEvidenceFile(tx, user.id, letter);
        storedPath = stored.storedPath;
        letterFileId = stored.id;
      }
      const id = insertEndorsement(
        tx,
        user,
        {
          versionId: input.versionId,
          organizationId: organization.id,
          signatoryPersonId: input.signatoryPersonId,
          signatoryName,
          signatoryPosition: input.signatoryPosition,
          signedOn: input.signedOn,
          statementBg: input.statementBg,
          statementEn: input.statementEn,
          listPublicly: input.listPublicly,
          showSignatory: input.showSignatory,
          channel: "paper",
          letterFileId,
          recordedById: user.id,
        },
        ctx,
      );
      return { ok: true as const, id };
    });
  } catch (error) {
    // The transaction failed after the file was written: no orphan file stays behind.
    if (storedPath) fs.rmSync(storedPath, { force: true });
    throw error;
  }
}

function endorsementInReach(user: CurrentUser, id: number): ManifestoEndorsement {
  if (!can(user, "writeManifesto")) requireManifestoPartner(user);
  const row = getDb().select().from(manifestoEndorsements).where(eq(manifestoEndorsements.id, id)).get();
  if (!row || !canChangeManifestoEndorsement(user, row)) throw notFound();
  return row;
}

/** Withdraws an endorsement (kept in the history with the date, who and why). */
export function withdrawEndorsement(user: CurrentUser, id: number, reason: string | null, ctx: WriteContext = {}): { ok: true } | { ok: false; reason: "alreadyWithdrawn" } {
  const row = endorsementInReach(user, id);
  if (row.withdrawnAt) return { ok: false, reason: "alreadyWithdrawn" };
  const result = updateVersioned<ManifestoEndorsement>({
    user,
    table: manifestoEndorsements,
    entityType: "manifesto_endorsement",
    id,
    expectedVersion: row.version,
    values: { withdrawnAt: new Date().toISOString(), withdrawnById: user.id, withdrawalReason: reason },
    action: "withdraw",
    ctx,
  });
  return result.ok ? { ok: true } : { ok: false, reason: "alreadyWithdrawn" };
}

/** Whether the organization (and the signatory's name) may be listed on the public page. */
export function setEndorsementListing(
  user: CurrentUser,
  id: number,
  input: { listPublicly: boolean; showSignatory: boolean; version: number },
  ctx: WriteContext = {},
): VersionedResult<ManifestoEndorsement> | { ok: false; reason: "withdrawn" } {
  const row = endorsementInReach(user, id);
  if (row.withdrawnAt) return { ok: false, reason: "withdrawn" };
  return updateVersioned<ManifestoEndorsement>({
    user,
    table: manifestoEndorsements,
    entityType: "manifesto_endorsement",
    id,
    expectedVersion: input.version,
    values: { listPublicly: input.listPublicly, showSignatory: input.listPublicly && input.showSignatory },
    action: "listing",
    ctx,
  });
}

/** People of an organization, who may sign for it (staff form). */
export function signatoryChoices(user: CurrentUser, organizationId: number): Array<{ id: number; label: string }> {
  requireCapability(user, "readManifesto");
  return getDb()
    .select({ id: people.id, label: people.name })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), eq(people.archived, false)))
    .orderBy(asc(people.sortKey))
    .all();
}
