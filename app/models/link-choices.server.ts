// The short id+label lists that record forms offer in their select boxes (staff only),
// and the checks that a submitted id is one of them: a forged id becomes a field error, not a 500.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../db/client.server.ts";
import { commitments, events, organizations, partnerships, people, users } from "../db/schema.ts";
import type { Role } from "../domain/enums.ts";
import type { FieldErrors } from "../lib/forms.ts";

export type Choice = { id: number; label: string };

/** Active users with one of the roles (owners: coordinators and admins; assignees: all staff). */
export function userChoices(roles: readonly Role[]): Choice[] {
  return getDb()
    .select({ id: users.id, label: users.name })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, [...roles])))
    .orderBy(asc(users.name))
    .all();
}

export const OWNER_ROLES = ["admin", "coordinator"] as const satisfies readonly Role[];
export const ASSIGNEE_ROLES = ["admin", "manager", "coordinator"] as const satisfies readonly Role[];

export function eventChoices(): Choice[] {
  return getDb().select({ id: events.id, label: events.title, startsOn: events.startsOn }).from(events).orderBy(desc(events.startsOn)).all()
    .map((e) => ({ id: e.id, label: `${e.label} (${e.startsOn})` }));
}

export function partnershipChoices(): Choice[] {
  return getDb().select({ id: partnerships.id, label: partnerships.title }).from(partnerships).orderBy(asc(partnerships.sortKey)).all();
}

export function commitmentChoices(): Choice[] {
  return getDb().select({ id: commitments.id, label: commitments.title }).from(commitments).orderBy(asc(commitments.sortKey)).all();
}

export function personChoices(): Choice[] {
  return getDb().select({ id: people.id, label: people.name }).from(people).where(eq(people.archived, false)).orderBy(asc(people.sortKey)).all();
}

/** Every organization, archived ones too (an old record may point at one). */
export function allOrganizationChoices(): Choice[] {
  return getDb().select({ id: organizations.id, label: organizations.name }).from(organizations).orderBy(asc(organizations.sortKey)).all();
}

type RefKind = "organization" | "person" | "event" | "partnership" | "commitment" | "owner" | "assignee";

/** Field errors for ids that do not name an existing record of the right kind. */
export function checkReferences(refs: Array<[field: string, kind: RefKind, id: number | null | undefined]>): FieldErrors {
  const db = getDb();
  const errors: FieldErrors = {};
  for (const [field, kind, id] of refs) {
    if (id == null) continue;
    let ok: boolean;
    switch (kind) {
      case "organization":
        ok = !!db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, id)).get();
        break;
      case "person":
        ok = !!db.select({ id: people.id }).from(people).where(eq(people.id, id)).get();
        break;
      case "event":
        ok = !!db.select({ id: events.id }).from(events).where(eq(events.id, id)).get();
        break;
      case "partnership":
        ok = !!db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.id, id)).get();
        break;
      case "commitment":
        ok = !!db.select({ id: commitments.id }).from(commitments).where(eq(commitments.id, id)).get();
        break;
      case "owner":
      case "assignee": {
        const roles: readonly Role[] = kind === "owner" ? OWNER_ROLES : ASSIGNEE_ROLES;
        const u = db.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, id)).get();
        ok = !!u && u.active && roles.includes(u.role);
        break;
      }
    }
    if (!ok) (errors[field] ??= []).push("invalidChoice");
  }
  return errors;
}
