// The Manifesto's text: numbered versions and their sections, edited while draft, then
// published for consultation and adopted (the table in app/domain/manifesto.ts), and any two
// versions compared section by section. Who may read or write what: app/auth/access.server.ts.
import crypto from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { can, canReadManifestoVersion, notFound, requireCapability, type CurrentUser } from "../auth/access.server.ts";
import { getDb, type DbOrTx } from "../db/client.server.ts";
import { events, manifestoEndorsements, manifestoProposals, manifestoSections, manifestoVersions } from "../db/schema.ts";
import { niemDimensions, type NiemDimension } from "../domain/enums.ts";
import {
  adoptedVersionOf,
  canMoveVersion,
  openConsultationOf,
  type ManifestoVersionStatus,
} from "../domain/manifesto.ts";
import type { z } from "zod";
import type { sectionInput, versionCreateInput, versionMoveInput, versionUpdateInput } from "../domain/manifesto.ts";
import { compareSections, type SectionComparison } from "../lib/manifesto-diff.ts";
import { renderMarkdown, renderParagraphs } from "../lib/markdown.ts";
import { writeAudit } from "./audit.server.ts";
import { updateVersioned, type VersionedResult, type WriteContext } from "./record-write.server.ts";

export type ManifestoVersion = typeof manifestoVersions.$inferSelect;
export type ManifestoSection = typeof manifestoSections.$inferSelect;

/** Staff, or a partner taking part: everyone else has no business here. */
function requireManifestoRead(user: CurrentUser) {
  if (!can(user, "readManifesto") && !can(user, "takePartInManifesto")) requireCapability(user, "readManifesto");
}

// ---------------------------------------------------------------- reading

export function dimensionsOf(section: Pick<ManifestoSection, "niemDimensions">): NiemDimension[] {
  return section.niemDimensions
    .split(",")
    .filter((d): d is NiemDimension => (niemDimensions as readonly string[]).includes(d));
}

function allVersions(db: DbOrTx): ManifestoVersion[] {
  return db.select().from(manifestoVersions).orderBy(desc(manifestoVersions.number)).all();
}

export type VersionSummary = ManifestoVersion & { sectionCount: number; proposalCount: number; endorsementCount: number };

/** Every version the user may read, newest first, with its counts. */
export function listVersions(user: CurrentUser): VersionSummary[] {
  requireManifestoRead(user);
  const db = getDb();
  const versions = allVersions(db).filter((v) => canReadManifestoVersion(user, v));
  if (!versions.length) return [];
  const ids = versions.map((v) => v.id);
  const count = (table: typeof manifestoSections | typeof manifestoProposals | typeof manifestoEndorsements, extra?: ReturnType<typeof isNull>) =>
    new Map(
      db
        .select({ id: table.versionId, n: sql<number>`count(*)` })
        .from(table)
        .where(and(inArray(table.versionId, ids), extra))
        .groupBy(table.versionId)
        .all()
        .map((r) => [r.id, r.n]),
    );
  const sections = count(manifestoSections);
  const proposals = count(manifestoProposals);
  const endorsements = count(manifestoEndorsements, isNull(manifestoEndorsements.withdrawnAt));
  return versions.map((v) => ({
    ...v,
    sectionCount: sections.get(v.id) ?? 0,
    proposalCount: can(user, "readManifesto") ? (proposals.get(v.id) ?? 0) : 0,
    endorsementCount: endorsements.get(v.id) ?? 0,
  }));
}

/** The version open for consultation and the adopted one in force (either may be missing). */
export function currentVersions(db: DbOrTx = getDb()): { consultation: ManifestoVersion | null; adopted: ManifestoVersion | null } {
  const versions = allVersions(db);
  return { consultation: openConsultationOf(versions), adopted: adoptedVersionOf(versions) };
}

function sectionsOf(db: DbOrTx, versionId: number): ManifestoSection[] {
  return db.select().from(manifestoSections).where(eq(manifestoSections.versionId, versionId)).orderBy(asc(manifestoSections.position), asc(manifestoSections.id)).all();
}

/** A section with its text rendered (safe HTML), whole and paragraph by paragraph. */
export type RenderedSection = ManifestoSection & {
  dimensions: NiemDimension[];
  htmlBg: string;
  htmlEn: string | null;
  paragraphsBg: Array<{ source: string; html: string }>;
};

export function renderSection(section: ManifestoSection): RenderedSection {
  return {
    ...section,
    dimensions: dimensionsOf(section),
    htmlBg: renderMarkdown(section.bodyBg),
    htmlEn: section.bodyEn ? renderMarkdown(section.bodyEn) : null,
    paragraphsBg: renderParagraphs(section.bodyBg),
  };
}

/** A version the user may read, with its sections; drafts are "not found" outside staff. */
export function getVersion(user: CurrentUser, id: number): { version: ManifestoVersion; sections: RenderedSection[]; adoptedAtEvent: { id: number; title: string } | null } {
  requireManifestoRead(user);
  const db = getDb();
  const version = db.select().from(manifestoVersions).where(eq(manifestoVersions.id, id)).get();
  if (!version || !canReadManifestoVersion(user, version)) throw notFound();
  const adoptedAtEvent = version.adoptedAtEventId
    ? (db.select({ id: events.id, title: events.title }).from(events).where(eq(events.id, version.adoptedAtEventId)).get() ?? null)
    : null;
  return { version, sections: sectionsOf(db, id).map(renderSection), adoptedAtEvent };
}

/** A published version as the partner portal shows it: no staff note, no internal ids. */
export function partnerVersion(user: CurrentUser, id: number) {
  const { version: v, sections } = getVersion(user, id);
  return { version: { id: v.id, number: v.number, status: v.status, titleBg: v.titleBg, titleEn: v.titleEn, publishedOn: v.publishedOn, adoptedOn: v.adoptedOn }, sections };
}

/** One section and its version, for editing (staff). */
export function getSection(user: CurrentUser, sectionId: number): { section: ManifestoSection; version: ManifestoVersion } {
  requireCapability(user, "readManifesto");
  const db = getDb();
  const section = db.select().from(manifestoSections).where(eq(manifestoSections.id, sectionId)).get();
  if (!section) throw notFound();
  const version = db.select().from(manifestoVersions).where(eq(manifestoVersions.id, section.versionId)).get()!;
  return { section, version };
}

/** Sections of versions newer than `afterNumber`: where an accepted proposal may have gone (staff). */
export function laterSectionChoices(user: CurrentUser, afterNumber: number): Array<{ id: number; label: string }> {
  requireCapability(user, "readManifesto");
  return getDb()
    .select({ id: manifestoSections.id, number: manifestoVersions.number, position: manifestoSections.position, title: manifestoSections.titleBg })
    .from(manifestoSections)
    .innerJoin(manifestoVersions, eq(manifestoVersions.id, manifestoSections.versionId))
    .where(sql`${manifestoVersions.number} > ${afterNumber}`)
    .orderBy(desc(manifestoVersions.number), asc(manifestoSections.position))
    .all()
    .map((s) => ({ id: s.id, label: `v${s.number} · ${s.position}. ${s.title}` }));
}

// ---------------------------------------------------------------- comparing

export type VersionComparison = {
  before: ManifestoVersion;
  after: ManifestoVersion;
  sections: SectionComparison[];
  changedCount: number;
};

export function compareVersions(user: CurrentUser, beforeId: number, afterId: number): VersionComparison {
  requireCapability(user, "readManifesto");
  const db = getDb();
  const [before, after] = [beforeId, afterId].map((id) => {
    const v = db.select().from(manifestoVersions).where(eq(manifestoVersions.id, id)).get();
    if (!v) throw notFound();
    return v;
  }) as [ManifestoVersion, ManifestoVersion];
  const sections = compareSections(sectionsOf(db, before.id), sectionsOf(db, after.id));
  return { before, after, sections, changedCount: sections.filter((s) => s.status !== "unchanged").length };
}

// ---------------------------------------------------------------- writing (staff)

type Ctx = WriteContext;

function requireDraft(version: ManifestoVersion) {
  // Published text is frozen: proposals and endorsements refer to exactly what was published.
  if (version.status !== "draft") throw new Response("Conflict: the version is not a draft", { status: 409 });
}

/** A new draft, numbered after the last one, starting from the sections of `basedOnVersionId` (same section keys). */
export function createVersion(user: CurrentUser, input: z.output<typeof versionCreateInput>, ctx: Ctx = {}): number | { error: "unknownVersion" } {
  requireCapability(user, "writeManifesto");
  return getDb().transaction((tx) => {
    const base = input.basedOnVersionId ? tx.select().from(manifestoVersions).where(eq(manifestoVersions.id, input.basedOnVersionId)).get() : null;
    if (input.basedOnVersionId && !base) return { error: "unknownVersion" as const };
    const number = (tx.select({ n: sql<number>`coalesce(max(${manifestoVersions.number}), 0)` }).from(manifestoVersions).get()?.n ?? 0) + 1;
    const created = tx
      .insert(manifestoVersions)
      .values({ number, status: "draft", titleBg: input.titleBg, titleEn: input.titleEn, note: input.note, basedOnVersionId: base?.id ?? null, createdById: user.id })
      .returning({ id: manifestoVersions.id })
      .get();
    const copied = base ? sectionsOf(tx, base.id) : [];
    for (const s of copied) {
      tx.insert(manifestoSections)
        .values({ versionId: created.id, sectionKey: s.sectionKey, position: s.position, titleBg: s.titleBg, titleEn: s.titleEn, bodyBg: s.bodyBg, bodyEn: s.bodyEn, niemDimensions: s.niemDimensions })
        .run();
    }
    writeAudit(tx, {
      userId: user.id,
      action: "create",
      entityType: "manifesto_version",
      entityId: created.id,
      changes: { number, titleBg: input.titleBg, titleEn: input.titleEn, note: input.note, basedOnVersionId: base?.id ?? null },
      detail: { copiedSections: copied.length },
      ip: ctx.ip,
    });
    return created.id;
  });
}

function versionRow(id: number): ManifestoVersion {
  const version = getDb().select().from(manifestoVersions).where(eq(manifestoVersions.id, id)).get();
  if (!version) throw notFound();
  return version;
}

export function updateVersion(user: CurrentUser, id: number, input: z.output<typeof versionUpdateInput>, ctx: Ctx = {}): VersionedResult<ManifestoVersion> {
  requireCapability(user, "writeManifesto");
  requireDraft(versionRow(id));
  return updateVersioned<ManifestoVersion>({
    user,
    table: manifestoVersions,
    entityType: "manifesto_version",
    id,
    expectedVersion: input.version,
    values: { titleBg: input.titleBg, titleEn: input.titleEn, note: input.note },
    ctx,
  });
}

export type MoveOutcome = VersionedResult<ManifestoVersion> | { ok: false; reason: "transition" | "empty" | "unknownEvent" };

/** Publishes a draft for consultation, or adopts a version: only along versionTransitions. */
export function moveVersion(user: CurrentUser, id: number, input: z.output<typeof versionMoveInput>, ctx: Ctx = {}): MoveOutcome {
  requireCapability(user, "writeManifesto");
  const version = versionRow(id);
  const status = input.to as ManifestoVersionStatus;
  if (!canMoveVersion(version.status, status)) return { ok: false, reason: "transition" };
  if (!sectionsOf(getDb(), id).length) return { ok: false, reason: "empty" };
  if (input.eventId && !getDb().select({ id: events.id }).from(events).where(eq(events.id, input.eventId)).get()) return { ok: false, reason: "unknownEvent" };
  const values: Partial<ManifestoVersion> =
    status === "consultation"
      ? { status, publishedOn: input.on }
      : { status, adoptedOn: input.on, adoptedAtEventId: input.eventId, publishedOn: version.publishedOn ?? input.on };
  return updateVersioned<ManifestoVersion>({
    user,
    table: manifestoVersions,
    entityType: "manifesto_version",
    id,
    expectedVersion: input.version,
    values,
    action: status === "consultation" ? "publish" : "adopt",
    ctx,
  });
}

export type SectionInput = z.output<typeof sectionInput>;

function sectionValues(input: SectionInput) {
  return {
    titleBg: input.titleBg,
    titleEn: input.titleEn,
    bodyBg: input.bodyBg,
    bodyEn: input.bodyEn,
    niemDimensions: input.niemDimensions.join(","),
    position: input.position,
  };
}

export function addSection(user: CurrentUser, versionId: number, input: SectionInput, ctx: Ctx = {}): number {
  requireCapability(user, "writeManifesto");
  requireDraft(versionRow(versionId));
  return getDb().transaction((tx) => {
    const values = { versionId, sectionKey: crypto.randomUUID(), ...sectionValues(input) };
    const created = tx.insert(manifestoSections).values(values).returning({ id: manifestoSections.id }).get();
    writeAudit(tx, { userId: user.id, action: "create", entityType: "manifesto_section", entityId: created.id, changes: values, ip: ctx.ip });
    return created.id;
  });
}

export function updateSection(user: CurrentUser, sectionId: number, input: SectionInput & { version: number }, ctx: Ctx = {}): VersionedResult<ManifestoSection> {
  requireCapability(user, "writeManifesto");
  const { version } = getSection(user, sectionId);
  requireDraft(version);
  return updateVersioned<ManifestoSection>({
    user,
    table: manifestoSections,
    entityType: "manifesto_section",
    id: sectionId,
    expectedVersion: input.version,
    values: sectionValues(input),
    ctx,
  });
}

/** Removes a section of a draft; one that proposals are about stays (the proposals need it). */
export function deleteSection(user: CurrentUser, sectionId: number, ctx: Ctx = {}): { ok: true; versionId: number } | { ok: false; reason: "hasProposals" } {
  requireCapability(user, "writeManifesto");
  const { section, version } = getSection(user, sectionId);
  requireDraft(version);
  return getDb().transaction((tx) => {
    const used = tx.select({ n: sql<number>`count(*)` }).from(manifestoProposals).where(eq(manifestoProposals.sectionId, sectionId)).get()?.n ?? 0;
    if (used) return { ok: false as const, reason: "hasProposals" as const };
    tx.delete(manifestoSections).where(eq(manifestoSections.id, sectionId)).run();
    writeAudit(tx, { userId: user.id, action: "delete", entityType: "manifesto_section", entityId: sectionId, changes: { titleBg: section.titleBg, versionId: section.versionId }, ip: ctx.ip });
    return { ok: true as const, versionId: version.id };
  });
}

/** The next free position at the end of a version (for the "add a section" form). */
export function nextPosition(versionId: number): number {
  return (getDb().select({ n: sql<number>`coalesce(max(${manifestoSections.position}), 0)` }).from(manifestoSections).where(eq(manifestoSections.versionId, versionId)).get()?.n ?? 0) + 1;
}
