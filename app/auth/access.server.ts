// Who may read or change what — every rule of DESIGN.md "People who use it", in one place.
// Loaders and actions ask here; models use the scopes here to filter their queries.
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { commitmentCoPledgers, commitments, followUps } from "../db/schema.ts";
import { staffRoles, type Role } from "../domain/enums.ts";
import { noteRequestUser } from "../server/request-context.server.ts";
import { searchKinds, type SearchKind } from "../domain/search.ts";
import { getSessionUser, redirectToLogin, type SessionUser } from "./session.server.ts";

export type CurrentUser = Pick<SessionUser, "id" | "email" | "name" | "role" | "organizationId" | "locale">;

// ---------------------------------------------------------------- who is asking

/** The signed-in user, or a redirect to /login that comes back here afterwards. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getSessionUser(request);
  if (!user) redirectToLogin(request);
  noteRequestUser(user.id); // for the request log line
  return toCurrentUser(user);
}

export async function optionalUser(request: Request): Promise<CurrentUser | null> {
  const user = await getSessionUser(request);
  if (user) noteRequestUser(user.id);
  return user ? toCurrentUser(user) : null;
}

function toCurrentUser(u: SessionUser): CurrentUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role, organizationId: u.organizationId, locale: u.locale };
}

export function isStaff(user: CurrentUser): boolean {
  return (staffRoles as readonly Role[]).includes(user.role);
}

// ---------------------------------------------------------------- what each role may do

const capabilities = {
  /** Read organizations, people, events, partnerships, commitments, follow-ups, interactions. */
  readRecords: ["admin", "manager", "coordinator"],
  /** Create and edit those records. Managers read everything but keep nothing. */
  writeRecords: ["admin", "coordinator"],
  /**
   * Verify a partner's progress report, or return it with a reason (the rules of a commitment's
   * status are in app/domain/commitment-lifecycle.ts). Managers read reports but do not judge them.
   */
  verifyPartnerReports: ["admin", "coordinator"],
  readRefugeeContacts: ["admin", "manager", "coordinator"],
  writeRefugeeContacts: ["admin", "coordinator"],
  /** GDPR erasure (anonymisation in place); the route also demands an explicit "irreversible" confirmation. */
  eraseRefugeeContacts: ["admin", "coordinator"],
  export: ["admin", "manager"],
  import: ["admin", "coordinator"],
  readReports: ["admin", "manager", "coordinator"],
  manageUsers: ["admin"],
  readAudit: ["admin"],
  /** Read e-mails the app wrote (reminder digests, sharing notices) in the outbox. */
  readOutbox: ["admin"],
  /** See, take and download database backups (they hold everything, refugee contacts included). */
  manageBackups: ["admin"],
  /** Hard delete of a record nothing points at; everyone else archives or cancels. */
  hardDelete: ["admin"],
  usePartnerPortal: ["partner"],

  // ---- the Manifesto (issue 20): staff keep the text, proposals and endorsements; partners take
  // part through the portal (see the record-level rules under "the Manifesto" below).
  /** Read every version (drafts too), every proposal and endorsement. */
  readManifesto: ["admin", "manager", "coordinator"],
  /** Edit drafts, publish and adopt versions, record proposals and endorsements, answer proposals. */
  writeManifesto: ["admin", "coordinator"],
  /** Read the published versions, propose on the one open for consultation, endorse for one's own organization. */
  takePartInManifesto: ["partner"],
  /** Integration stories name refugee contacts: staff only, never partners (issue 19). */
  readStories: ["admin", "manager", "coordinator"],
  writeStories: ["admin", "coordinator"],
  /** A forum edition's year in review (/events/:id/review): staff read it, coordinators curate its highlights. */
  readYearReview: ["admin", "manager", "coordinator"],
  editYearReview: ["admin", "coordinator"],
  /** Its PDF and XLSX: managers and coordinators (and admins) may download them; partners never. */
  downloadYearReview: ["admin", "manager", "coordinator"],
  // Duplicates (issue 17): finding and merging them is record keeping; undoing a merge rewrites
  // many records at once, so it is kept for admins.
  /** See the likely duplicate pairs at /duplicates and merge two organizations or two people. */
  mergeRecords: ["admin", "coordinator"],
  /** Undo a merge: the merged record and every link it had come back as they were. */
  undoMerges: ["admin"],
  /** Keep named views of the lists (issue 17); partners have no lists. */
  useSavedViews: ["admin", "manager", "coordinator"],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof capabilities;

export function can(user: Pick<CurrentUser, "role">, capability: Capability): boolean {
  return (capabilities[capability] as readonly Role[]).includes(user.role);
}

/** Throws the refusal response unless the user has the capability. */
export function requireCapability(user: CurrentUser, capability: Capability): void {
  if (!can(user, capability)) deny(user);
}

/**
 * The refusal. A partner gets 404 for everything outside their reach, so guessing ids
 * or staff URLs tells them nothing; staff asking beyond their role get an honest 403.
 */
export function deny(user: CurrentUser | null): never {
  if (!user || user.role === "partner") throw notFound();
  throw new Response("Forbidden", { status: 403 });
}

export function notFound(): Response {
  return new Response("Not Found", { status: 404 });
}

// ---------------------------------------------------------------- record-level rules

/** Staff read every organization; a partner only their own. */
export function canReadOrganization(user: CurrentUser, organizationId: number): boolean {
  return can(user, "readRecords") || user.organizationId === organizationId;
}

export function requireOrganizationRead(user: CurrentUser, organizationId: number): void {
  if (!canReadOrganization(user, organizationId)) throw notFound();
}

export function requireRecordWrite(user: CurrentUser): void {
  requireCapability(user, "writeRecords");
}

/** A saved view: anyone who keeps views reads their own and those shared with all staff; only its owner changes it. */
export function canReadSavedView(user: CurrentUser, view: { ownerId: number; shared: boolean }): boolean {
  return can(user, "useSavedViews") && (view.ownerId === user.id || view.shared);
}

export function canChangeSavedView(user: CurrentUser, view: { ownerId: number }): boolean {
  return can(user, "useSavedViews") && view.ownerId === user.id;
}

/**
 * Closing a follow-up (marking it done) or adding a note to it: whoever it is assigned to, whatever
 * their role (a manager closes their own task), and everyone who writes records.
 */
export function canCloseFollowUp(user: CurrentUser, followUp: { assigneeId: number | null }): boolean {
  return can(user, "writeRecords") || (user.role !== "partner" && followUp.assigneeId === user.id);
}

export function requireFollowUpClose(user: CurrentUser, followUp: { assigneeId: number | null }): void {
  if (!canCloseFollowUp(user, followUp)) deny(user);
}

// ---------------------------------------------------------------- a partner's reach

// What a partner organization may see is said here once as SQL — every reader (portal, search,
// evidence, calendar) filters with these two builders — and once as a predicate over a row in
// hand. tests/integration/partner-scope.test.ts proves the two equal on random data (fast-check).

/**
 * «Commitments the partner organization may see»: marked shared, and made by it as lead or as a
 * co-pledger. A condition on a commitment id (`id`, default commitments.id; search passes its alias).
 * The UNION of two indexed lookups (commitments_lead_idx, commitment_co_pledgers_org_idx).
 */
export function partnerCommitmentScope(organizationId: number, id: SQLWrapper = commitments.id): SQL {
  return sql`${id} IN (SELECT c.id FROM ${commitments} c WHERE c.lead_organization_id = ${organizationId} AND c.shared_with_partner = 1
    UNION SELECT cp.commitment_id FROM ${commitmentCoPledgers} cp JOIN ${commitments} c ON c.id = cp.commitment_id
      WHERE cp.organization_id = ${organizationId} AND c.shared_with_partner = 1)`;
}

/** «Follow-ups shared with the partner organization»: a condition on a follow-up id (follow_ups_shared_idx). */
export function partnerFollowUpScope(organizationId: number, id: SQLWrapper = followUps.id): SQL {
  return sql`${id} IN (SELECT f.id FROM ${followUps} f WHERE f.shared_with_organization_id = ${organizationId})`;
}

const nothing = sql`0`;

/**
 * The commitments `user` may read, as a condition for a reader's query: undefined (all) for staff
 * with readRecords, the partner scope for a partner user, nothing for anyone else.
 */
export function commitmentReach(user: Pick<CurrentUser, "role" | "organizationId">, id: SQLWrapper = commitments.id): SQL | undefined {
  if (can(user, "readRecords")) return undefined;
  return can(user, "usePartnerPortal") && user.organizationId != null ? partnerCommitmentScope(user.organizationId, id) : nothing;
}

/** The follow-ups `user` may read, as a condition (see commitmentReach). */
export function followUpReach(user: Pick<CurrentUser, "role" | "organizationId">, id: SQLWrapper = followUps.id): SQL | undefined {
  if (can(user, "readRecords")) return undefined;
  return can(user, "usePartnerPortal") && user.organizationId != null ? partnerFollowUpScope(user.organizationId, id) : nothing;
}

/** The same rule as partnerCommitmentScope, for a commitment row in hand (a partner user only). */
export function partnerCanSeeCommitment(
  user: CurrentUser,
  commitment: { leadOrganizationId: number; sharedWithPartner: boolean },
  coPledgerIds: readonly number[],
): boolean {
  if (user.role !== "partner" || user.organizationId == null || !commitment.sharedWithPartner) return false;
  return commitment.leadOrganizationId === user.organizationId || coPledgerIds.includes(user.organizationId);
}

/** The same rule as partnerFollowUpScope, for a follow-up row in hand. */
export function partnerCanSeeFollowUp(user: CurrentUser, followUp: { sharedWithOrganizationId: number | null }): boolean {
  return user.role === "partner" && user.organizationId != null && followUp.sharedWithOrganizationId === user.organizationId;
}

/** Evidence files: staff read all; a partner only those attached to a commitment they can see. */
export function canReadEvidence(user: CurrentUser, partnerCanSeeItsCommitment: boolean): boolean {
  return can(user, "readRecords") || partnerCanSeeItsCommitment;
}

// ---------------------------------------------------------------- search

/**
 * What one search may look into. Staff: every kind they read (refugee contacts only with
 * readRefugeeContacts). A partner: only their own organization, its shared commitments and the
 * follow-ups shared with it — the same rules as partnerCanSeeCommitment / partnerCanSeeFollowUp,
 * applied in SQL by the search model.
 */
export function searchScopeFor(user: CurrentUser): { kinds: SearchKind[]; partnerOrganizationId: number | null } {
  if (can(user, "readRecords")) {
    const allowed = (k: SearchKind) =>
      (k !== "refugees" || can(user, "readRefugeeContacts")) && (k !== "stories" || can(user, "readStories"));
    return { kinds: searchKinds.filter(allowed), partnerOrganizationId: null };
  }
  if (can(user, "usePartnerPortal") && user.organizationId != null) {
    return { kinds: ["organizations", "commitments", "followUps"], partnerOrganizationId: user.organizationId };
  }
  return { kinds: [], partnerOrganizationId: null };
}

// ---------------------------------------------------------------- the Manifesto

/** Drafts are BCRM's working text: outside staff, only published versions (consultation, adopted) exist. */
export function canReadManifestoVersion(user: CurrentUser | null, version: { status: string }): boolean {
  if (user && can(user, "readManifesto")) return true;
  return version.status === "consultation" || version.status === "adopted";
}

/** A partner's organization, when the partner may take part in the Manifesto; otherwise the refusal. */
export function requireManifestoPartner(user: CurrentUser): number {
  requireCapability(user, "takePartInManifesto");
  if (user.organizationId == null) throw notFound();
  return user.organizationId;
}

/** Staff read every proposal; a partner only those of their own organization. */
export function canReadManifestoProposal(user: CurrentUser, proposal: { organizationId: number | null }): boolean {
  if (can(user, "readManifesto")) return true;
  return can(user, "takePartInManifesto") && user.organizationId != null && proposal.organizationId === user.organizationId;
}

/** Staff change every endorsement; a partner only their own organization's (withdraw, public listing). */
export function canChangeManifestoEndorsement(user: CurrentUser, endorsement: { organizationId: number }): boolean {
  if (can(user, "writeManifesto")) return true;
  return can(user, "takePartInManifesto") && user.organizationId != null && endorsement.organizationId === user.organizationId;
}

// ---------------------------------------------------------------- event invitations (issue 21)

/**
 * Invitation lists, sending, the door and attendance: coordinators and admins (the people who run
 * events). Managers read the funnel on the event page and in reports; exports of invitees and
 * attendance follow the `export` capability like every other file. Invitees answer through their
 * personal link (/rsvp/:token) without an account: the token is the only key.
 */
export function canManageInvitations(user: Pick<CurrentUser, "role">): boolean {
  return can(user, "writeRecords");
}

export function requireInvitationManagement(user: CurrentUser): void {
  if (!canManageInvitations(user)) deny(user);
}

/** A refugee contact is invited one by one, and only by those who may change refugee contacts. */
export function requireRefugeeInvitation(user: CurrentUser): void {
  requireCapability(user, "writeRefugeeContacts");
}
