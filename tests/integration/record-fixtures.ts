// Shared by the partnership, commitment and follow-up tests: acting users, fresh records, audit reads.
import { and, asc, eq } from "drizzle-orm";
import type { CurrentUser } from "#app/auth/access.server.ts";
import { getDb } from "#app/db/client.server.ts";
import { auditEntries, events, organizations, users } from "#app/db/schema.ts";
import { demo, demoName, demoUsers, type DemoUser } from "#tests/helpers.ts";

export const everyone: Array<DemoUser | "anonymous"> = ["admin", "manager", "coordinator", "partnerSofia", "anonymous"];
export type Expect = Partial<Record<DemoUser | "anonymous", number>>;
// 200 read, 302 written and redirected, 403 staff beyond their role, 404 partner outside their reach.
export const STAFF_READ: Expect = { admin: 200, manager: 200, coordinator: 200, partnerSofia: 404, anonymous: 302 };
export const STAFF_FORM: Expect = { admin: 200, manager: 403, coordinator: 200, partnerSofia: 404, anonymous: 302 };
export const STAFF_WRITE: Expect = { admin: 302, manager: 403, coordinator: 302, partnerSofia: 404, anonymous: 302 };
export const ADMIN_DELETE: Expect = { admin: 302, manager: 403, coordinator: 403, partnerSofia: 404, anonymous: 302 };

export function actingAs(who: DemoUser): CurrentUser {
  const u = getDb().select().from(users).where(eq(users.email, demoUsers[who])).get()!;
  return { id: u.id, email: u.email, name: u.name, role: u.role, organizationId: u.organizationId, locale: u.locale };
}

export const orgId = (name: string) => getDb().select().from(organizations).where(eq(organizations.name, name)).get()!.id;
export const SOFIA = demoName(demo.organizations.sofiaMunicipality);
export const RED_CROSS = demoName(demo.organizations.redCross);

export function forumId(year: string) {
  return getDb()
    .select()
    .from(events)
    .where(eq(events.kind, "national_forum"))
    .orderBy(asc(events.startsOn))
    .all()
    .find((e) => e.startsOn.startsWith(year))!.id;
}

export function auditsOf(entityType: string, entityId: number) {
  return getDb()
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.entityType, entityType), eq(auditEntries.entityId, entityId)))
    .orderBy(asc(auditEntries.id))
    .all();
}

export const idFromLocation = (response: Response | null) => Number(response!.headers.get("Location")!.split("?")[0].split("/").pop());
