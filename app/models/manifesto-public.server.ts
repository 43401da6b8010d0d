// The public page of the Manifesto (/manifesto/public, no sign-in): the adopted version (or the
// one open for consultation, marked as such) in Bulgarian and English, and the organizations
// that endorsed it AND agreed to be listed, grouped by kind. Built only from published versions
// and listed endorsements, so nothing unpublished or unlisted can reach the page; the ETag is a
// hash of exactly what the page shows.
import crypto from "node:crypto";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "../db/client.server.ts";
import { manifestoEndorsements, manifestoSections, manifestoVersions, organizations } from "../db/schema.ts";
import { organizationKinds, type Locale, type OrganizationKind } from "../domain/enums.ts";
import { publishedVersionStatuses, type ManifestoVersionStatus } from "../domain/manifesto.ts";
import { renderMarkdown } from "../lib/markdown.ts";
import { currentVersions } from "./manifesto.server.ts";

export type PublicEndorser = {
  name: string;
  nameLatin: string;
  /** Only when the signatory agreed to be named. */
  signatory: { name: string; position: string | null } | null;
  statementBg: string | null;
  statementEn: string | null;
  signedOn: string;
};

export type PublicManifesto = {
  version: {
    number: number;
    status: ManifestoVersionStatus;
    titleBg: string;
    titleEn: string | null;
    publishedOn: string | null;
    adoptedOn: string | null;
  };
  sections: Array<{ position: number; titleBg: string; titleEn: string | null; htmlBg: string; htmlEn: string | null }>;
  endorsers: {
    listed: number;
    /** Endorsing organizations that did not agree to be listed: a number, never a name. */
    unlisted: number;
    groups: Array<{ kind: OrganizationKind; organizations: PublicEndorser[] }>;
  };
  /** Other published versions a visitor may open (the adopted one, one open for consultation). */
  alternatives: Array<{ number: number; status: ManifestoVersionStatus }>;
};

/**
 * What the public page shows. `number` asks for a specific published version; without it, the
 * adopted version in force, or else the one open for consultation. null when there is nothing to show.
 */
export function publicManifesto(number?: number | null): PublicManifesto | null {
  const db = getDb();
  const { adopted, consultation } = currentVersions(db);
  let version = number ? db.select().from(manifestoVersions).where(eq(manifestoVersions.number, number)).get() : (adopted ?? consultation);
  // A draft does not exist for the public, whatever its number.
  if (!version || !(publishedVersionStatuses as readonly string[]).includes(version.status)) version = undefined;
  if (!version) return null;

  const sections = db
    .select()
    .from(manifestoSections)
    .where(eq(manifestoSections.versionId, version.id))
    .orderBy(asc(manifestoSections.position), asc(manifestoSections.id))
    .all()
    .map((s) => ({ position: s.position, titleBg: s.titleBg, titleEn: s.titleEn, htmlBg: renderMarkdown(s.bodyBg), htmlEn: s.bodyEn ? renderMarkdown(s.bodyEn) : null }));

  const standing = and(eq(manifestoEndorsements.versionId, version.id), isNull(manifestoEndorsements.withdrawnAt));
  const listed = db
    .select({
      name: organizations.name,
      nameLatin: organizations.nameLatin,
      kind: organizations.kind,
      sortKey: organizations.sortKey,
      showSignatory: manifestoEndorsements.showSignatory,
      signatoryName: manifestoEndorsements.signatoryName,
      signatoryPosition: manifestoEndorsements.signatoryPosition,
      statementBg: manifestoEndorsements.statementBg,
      statementEn: manifestoEndorsements.statementEn,
      signedOn: manifestoEndorsements.signedOn,
    })
    .from(manifestoEndorsements)
    .innerJoin(organizations, eq(organizations.id, manifestoEndorsements.organizationId))
    .where(and(standing, eq(manifestoEndorsements.listPublicly, true)))
    .orderBy(asc(organizations.sortKey), asc(organizations.id))
    .all();
  const unlisted =
    db.select({ n: sql<number>`count(*)` }).from(manifestoEndorsements).where(and(standing, eq(manifestoEndorsements.listPublicly, false))).get()?.n ?? 0;
  const groups = organizationKinds
    .map((kind) => ({
      kind,
      organizations: listed
        .filter((e) => e.kind === kind)
        .map((e) => ({
          name: e.name,
          nameLatin: e.nameLatin,
          signatory: e.showSignatory ? { name: e.signatoryName, position: e.signatoryPosition } : null,
          statementBg: e.statementBg,
          statementEn: e.statementEn,
          signedOn: e.signedOn,
        })),
    }))
    .filter((g) => g.organizations.length > 0);

  const alternatives = db
    .select({ number: manifestoVersions.number, status: manifestoVersions.status })
    .from(manifestoVersions)
    .where(inArray(manifestoVersions.id, [adopted?.id, consultation?.id].filter((id): id is number => id != null && id !== version.id)))
    .all();

  return {
    version: {
      number: version.number,
      status: version.status,
      titleBg: version.titleBg,
      titleEn: version.titleEn,
      publishedOn: version.publishedOn,
      adoptedOn: version.adoptedOn,
    },
    sections,
    endorsers: { listed: listed.length, unlisted, groups },
    alternatives,
  };
}

/** A strong validator of exactly what the page shows in this language (the page has no per-request parts). */
export function publicEtag(data: PublicManifesto | null, locale: Locale, renderVersion: string): string {
  return `"${crypto.createHash("sha256").update(JSON.stringify([renderVersion, locale, data])).digest("base64url").slice(0, 32)}"`;
}

/** Whether the client's If-None-Match names this ETag (a list, weak forms and * included). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}
