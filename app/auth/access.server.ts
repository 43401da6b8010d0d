// Who may read or change what — every rule of DESIGN.md "People who use it", in one place.
// Loaders and actions ask here; models use the scopes here to filter their queries.
import { staffRoles, type Role } from "../domain/enums.ts";
import { getSessionUser, redirectToLogin, type SessionUser } from "./session.server.ts";

export type CurrentUser = Pick<SessionUser, "id" | "email" | "name" | "role" | "organizationId" | "locale">;

// ---------------------------------------------------------------- who is asking

/** The signed-in user, or a redirect to /login that comes back here afterwards. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getSessionUser(request);
  if (!user) redirectToLogin(request);
  return toCurrentUser(user);
}

export async function optionalUser(request: Request): Promise<CurrentUser | null> {
  const user = await getSessionUser(request);
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
  readRefugeeContacts: ["admin", "manager", "coordinator"],
  writeRefugeeContacts: ["admin", "coordinator"],
  export: ["admin", "manager"],
  import: ["admin", "coordinator"],
  readReports: ["admin", "manager", "coordinator"],
  manageUsers: ["admin"],
  readAudit: ["admin"],
  /** Hard delete of a record nothing points at; everyone else archives or cancels. */
  hardDelete: ["admin"],
  usePartnerPortal: ["partner"],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof capabilities;

export function can(user: CurrentUser, capability: Capability): boolean {
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
