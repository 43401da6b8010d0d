import { eq } from "drizzle-orm";
import { requireCapability, type CurrentUser } from "../auth/access.server.ts";
import { hashPassword, verifyPassword } from "../auth/password.server.ts";
import { destroyAllSessionsOf, insertSession } from "../auth/session.server.ts";
import { getDb } from "../db/client.server.ts";
import { organizations, users } from "../db/schema.ts";
import type { Locale, Role } from "../domain/enums.ts";
import { changedFields, writeAudit } from "./audit.server.ts";
import { earlierSubmission, noteSubmission, type WriteContext } from "./record-write.server.ts";

export function listUsers(admin: CurrentUser) {
  requireCapability(admin, "manageUsers");
  return getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      organizationId: users.organizationId,
      organizationName: organizations.name,
    })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .orderBy(users.email)
    .all();
}

export type NewUser = { name: string; email: string; password: string; role: Role; organizationId: number | null };

export async function createUser(admin: CurrentUser, input: NewUser, ctx: WriteContext = {}) {
  requireCapability(admin, "manageUsers");
  const passwordHash = await hashPassword(input.password);
  const db = getDb();
  return db.transaction((tx) => {
    // The same form sent twice: the user it made, not "e-mail taken" by that very user.
    const earlier = earlierSubmission(tx, admin.id, ctx, "user");
    if (earlier !== null) return { ok: true, id: earlier } as const;
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) {
      return { ok: false as const, errors: { email: ["emailTaken"] } };
    }
    const organizationId = input.role === "partner" ? input.organizationId : null;
    const created = tx
      .insert(users)
      .values({ name: input.name, email: input.email, role: input.role, organizationId, passwordHash })
      .returning({ id: users.id })
      .get();
    writeAudit(tx, {
      userId: admin.id,
      action: "create",
      entityType: "user",
      entityId: created.id,
      changes: { name: input.name, email: input.email, role: input.role, organizationId },
      ip: ctx.ip,
    });
    noteSubmission(tx, admin.id, ctx, "user", created.id);
    return { ok: true, id: created.id } as const;
  });
}

export function setUserRole(admin: CurrentUser, userId: number, role: Role, organizationId: number | null, ctx: WriteContext = {}) {
  requireCapability(admin, "manageUsers");
  if (userId === admin.id) return { ok: false, error: "cannotChangeSelf" } as const;
  const db = getDb();
  db.transaction((tx) => {
    const before = tx.select().from(users).where(eq(users.id, userId)).get();
    if (!before) throw new Response("Not Found", { status: 404 });
    const after = { role, organizationId: role === "partner" ? organizationId : null };
    tx.update(users).set({ ...after, updatedAt: new Date().toISOString(), version: before.version + 1 }).where(eq(users.id, userId)).run();
    // A changed role takes effect at once: the user signs in again under the new one.
    destroyAllSessionsOf(userId, tx);
    writeAudit(tx, { userId: admin.id, action: "update", entityType: "user", entityId: userId, changes: changedFields(before, after), ip: ctx.ip });
  });
  return { ok: true } as const;
}

export function setUserActive(admin: CurrentUser, userId: number, active: boolean, ctx: WriteContext = {}) {
  requireCapability(admin, "manageUsers");
  if (userId === admin.id) return { ok: false, error: "cannotChangeSelf" } as const;
  const db = getDb();
  db.transaction((tx) => {
    const before = tx.select().from(users).where(eq(users.id, userId)).get();
    if (!before) throw new Response("Not Found", { status: 404 });
    tx.update(users).set({ active, updatedAt: new Date().toISOString(), version: before.version + 1 }).where(eq(users.id, userId)).run();
    if (!active) destroyAllSessionsOf(userId, tx);
    writeAudit(tx, {
      userId: admin.id,
      action: active ? "activate" : "deactivate",
      entityType: "user",
      entityId: userId,
      changes: { active: [before.active, active] },
      ip: ctx.ip,
    });
  });
  return { ok: true } as const;
}

export async function resetPassword(admin: CurrentUser, userId: number, password: string, ctx: WriteContext = {}) {
  requireCapability(admin, "manageUsers");
  const passwordHash = await hashPassword(password);
  const db = getDb();
  db.transaction((tx) => {
    const before = tx.select({ id: users.id, version: users.version }).from(users).where(eq(users.id, userId)).get();
    if (!before) throw new Response("Not Found", { status: 404 });
    tx.update(users).set({ passwordHash, updatedAt: new Date().toISOString(), version: before.version + 1 }).where(eq(users.id, userId)).run();
    destroyAllSessionsOf(userId, tx);
    writeAudit(tx, { userId: admin.id, action: "password_reset", entityType: "user", entityId: userId, ip: ctx.ip });
  });
}

/**
 * A user changes their own password: the current one must be right. Every session of the user
 * ends (a stolen cookie stops working with the old password); the one the change was made in
 * goes on under a fresh session id, whose id is returned for the new cookie.
 */
export async function changeOwnPassword(
  user: CurrentUser,
  currentPassword: string,
  password: string,
  ctx: WriteContext & { userAgent?: string | null } = {},
) {
  const db = getDb();
  const row = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get();
  if (!row || !(await verifyPassword(row.passwordHash, currentPassword))) return { ok: false } as const;
  const passwordHash = await hashPassword(password);
  const sessionId = db.transaction((tx) => {
    const before = tx.select({ version: users.version }).from(users).where(eq(users.id, user.id)).get()!;
    tx.update(users).set({ passwordHash, updatedAt: new Date().toISOString(), version: before.version + 1 }).where(eq(users.id, user.id)).run();
    destroyAllSessionsOf(user.id, tx);
    writeAudit(tx, { userId: user.id, action: "password_reset", entityType: "user", entityId: user.id, ip: ctx.ip });
    return insertSession(tx, user.id, { ip: ctx.ip ?? undefined, userAgent: ctx.userAgent });
  });
  return { ok: true, sessionId } as const;
}

export function setOwnLocale(user: CurrentUser, locale: Locale) {
  getDb().update(users).set({ locale }).where(eq(users.id, user.id)).run();
}
