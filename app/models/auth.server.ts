import { and, desc, eq } from "drizzle-orm";
import { decoyPasswordHash, verifyPassword } from "../auth/password.server.ts";
import { getDb } from "../db/client.server.ts";
import { auditEntries, users } from "../db/schema.ts";
import { countFailedSignIns, writeAudit } from "./audit.server.ts";

/** Five wrong passwords in a row within a minute lock an account for the rest of that minute. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** One address may fail more often (an office behind one NAT), but not endlessly. */
export const MAX_FAILURES_PER_ADDRESS = 20;
export const THROTTLE_WINDOW_MS = 60_000;

export type SignInResult =
  | { ok: true; userId: number }
  | { ok: false; reason: "invalid" | "throttled" };

export async function signIn(emailInput: string, password: string, ip: string): Promise<SignInResult> {
  const db = getDb();
  const email = emailInput.trim().toLowerCase().slice(0, 254);
  const user = db.select().from(users).where(eq(users.email, email)).get();

  if (isThrottled(email, user?.id, ip)) {
    writeAudit(db, { userId: user?.id ?? null, action: "login_throttled", entityType: "session", detail: { email }, ip });
    return { ok: false, reason: "throttled" };
  }

  // Verify against a decoy when the account is unknown or inactive, so timing does not tell which.
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !user.active || !passwordOk) {
    writeAudit(db, { userId: user?.id ?? null, action: "login_failed", entityType: "session", detail: { email }, ip });
    return { ok: false, reason: "invalid" };
  }
  writeAudit(db, { userId: user.id, action: "login", entityType: "session", detail: { email }, ip });
  return { ok: true, userId: user.id };
}

function isThrottled(email: string, userId: number | undefined, ip: string): boolean {
  const db = getDb();
  const windowStart = new Date(Date.now() - THROTTLE_WINDOW_MS).toISOString();
  // "In a row": failures before the last successful sign-in do not count.
  const lastSuccess = userId
    ? db
        .select({ at: auditEntries.at })
        .from(auditEntries)
        .where(and(eq(auditEntries.userId, userId), eq(auditEntries.action, "login")))
        .orderBy(desc(auditEntries.at))
        .limit(1)
        .get()?.at
    : undefined;
  const since = lastSuccess && lastSuccess > windowStart ? lastSuccess : windowStart;
  return (
    countFailedSignIns(db, { email }, since) >= MAX_FAILURES_PER_ACCOUNT ||
    countFailedSignIns(db, { ip }, windowStart) >= MAX_FAILURES_PER_ADDRESS
  );
}
