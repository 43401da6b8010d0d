// The progress timeline of commitments — author, reporting partner, evidence, verification or return —
// read the same way by the staff commitment page and the partner portal.
import { aliasedTable, asc, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../db/client.server.ts";
import { commitmentUpdates, evidenceFiles, organizations, users } from "../db/schema.ts";
import type { CommitmentStatus } from "../domain/enums.ts";

export type TimelineEntry = {
  id: number;
  createdAt: string;
  note: string;
  statusChange: CommitmentStatus | null;
  evidenceUrl: string | null;
  evidenceFileId: number | null;
  evidenceFileName: string | null;
  evidenceFileType: string | null;
  evidenceFileSize: number | null;
  authorName: string;
  /** The partner organization that reported it; null for a BCRM staff update. */
  partnerOrganizationId: number | null;
  partnerOrganizationName: string | null;
  verifiedAt: string | null;
  /** A coordinator sent the report back: when, and the reason the partner reads. */
  returnedAt: string | null;
  returnReason: string | null;
  /** The returned report this one answers. */
  answersUpdateId: number | null;
};

const partnerOrg = aliasedTable(organizations, "partner_org");

/** The latest report of `organizationId` that was returned and not yet answered by a later one, if any. */
export function unansweredReturn<T extends Pick<TimelineEntry, "id" | "partnerOrganizationId" | "returnedAt" | "answersUpdateId" | "createdAt">>(
  timeline: readonly T[],
  organizationId: number,
): T | null {
  const answered = new Set(timeline.map((u) => u.answersUpdateId).filter((id) => id != null));
  const returned = timeline.filter((u) => u.partnerOrganizationId === organizationId && u.returnedAt && !answered.has(u.id));
  return returned.reduce<T | null>((latest, u) => (!latest || u.createdAt > latest.createdAt || (u.createdAt === latest.createdAt && u.id > latest.id) ? u : latest), null);
}

/** The timelines of the given commitments, by commitment id, oldest or newest update first. */
export function timelinesOf(db: DbOrTx, commitmentIds: number[], order: "oldestFirst" | "newestFirst"): Map<number, TimelineEntry[]> {
  const byCommitment = new Map<number, TimelineEntry[]>();
  if (!commitmentIds.length) return byCommitment;
  const direction = order === "oldestFirst" ? asc : desc;
  const rows = db
    .select({
      commitmentId: commitmentUpdates.commitmentId,
      id: commitmentUpdates.id,
      createdAt: commitmentUpdates.createdAt,
      note: commitmentUpdates.note,
      statusChange: commitmentUpdates.statusChange,
      evidenceUrl: commitmentUpdates.evidenceUrl,
      evidenceFileId: commitmentUpdates.evidenceFileId,
      evidenceFileName: evidenceFiles.originalName,
      evidenceFileType: evidenceFiles.mimeType,
      evidenceFileSize: evidenceFiles.size,
      authorName: users.name,
      partnerOrganizationId: commitmentUpdates.partnerOrganizationId,
      partnerOrganizationName: partnerOrg.name,
      verifiedAt: commitmentUpdates.verifiedAt,
      returnedAt: commitmentUpdates.returnedAt,
      returnReason: commitmentUpdates.returnReason,
      answersUpdateId: commitmentUpdates.answersUpdateId,
    })
    .from(commitmentUpdates)
    .innerJoin(users, eq(users.id, commitmentUpdates.authorId))
    .leftJoin(partnerOrg, eq(partnerOrg.id, commitmentUpdates.partnerOrganizationId))
    .leftJoin(evidenceFiles, eq(evidenceFiles.id, commitmentUpdates.evidenceFileId))
    .where(inArray(commitmentUpdates.commitmentId, commitmentIds))
    .orderBy(direction(commitmentUpdates.createdAt), direction(commitmentUpdates.id))
    .all();
  for (const { commitmentId, ...entry } of rows) {
    const list = byCommitment.get(commitmentId) ?? [];
    list.push(entry);
    byCommitment.set(commitmentId, list);
  }
  return byCommitment;
}
