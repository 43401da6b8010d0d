import { and, eq, gte, sql } from "drizzle-orm";
import { decoyPasswordHash, verifyPassword } from "../auth/password.server.ts";
import { getDb, type Db } from "../db/client.server.ts";
import { auditEntries, users } from "../db/schema.ts";
import { countFailedSignIns, writeAudit } from "./audit.server.ts";

// Sign-in throttling (docs/decisions/008-sign-in-throttling.md). Failures are counted per account
// AND address, so an attacker at one address never stops the real user at another, and one
// person's typos never stop colleagues behind the same address. Nothing is ever locked: past its
// free attempts an account-and-address pair waits, the wait doubling with each further failure.

/** Wrong passwords an account-and-address pair may make before it has to wait. */
export const FREE_FAILURES = 5;
/** The free attempts left to every pair while its account or its address is under attack (see below). */
export const FREE_FAILURES_UNDER_ATTACK = 1;
/** The first wait; it doubles with each further failure, up to MAX_DELAY_MS. */
export const FIRST_DELAY_MS = 15_000;
export const MAX_DELAY_MS = 60 * 60_000;
/** Failures of a pair older than this are forgotten (and so is everything before a successful sign-in from it). */
export const PAIR_MEMORY_MS = 24 * 60 * 60_000;
/** The per-account ceiling: this many failures on one account, from anywhere, within ATTACK_WINDOW_MS… */
export const ACCOUNT_CEILING = 10;
/**
 * …or failures on this many different existing accounts from one address, mean an attack: free
 * attempts drop. Unknown e-mails do not count: guessing them gains nothing, and they are what a
 * person's e-mail typos produce.
 */
export const ADDRESS_SPRAY_ACCOUNTS = 10;
export const ATTACK_WINDOW_MS = 15 * 60_000;

export type SignInResult =
  | { ok: true; userId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMs: number };

export async function signIn(emailInput: string, password: string, ip: string): Promise<SignInResult> {
  const db = getDb();
  const email = emailInput.trim().toLowerCase().slice(0, 254);
  const user = db.select().from(users).where(eq(users.email, email)).get();

  const wait = requiredWaitMs(db, email, user?.id, ip, Date.now());
  if (wait > 0) {
    // Refused before the password is checked: a right guess during the wait tells nothing.
    writeAudit(db, { userId: user?.id ?? null, action: "login_throttled", entityType: "session", detail: { email }, ip });
    return { ok: false, reason: "throttled", retryAfterMs: wait };
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

/** How long this address must still wait before it may try this account again (0: it may now). */
export function requiredWaitMs(db: Db, email: string, userId: number | undefined, ip: string, now: number): number {
  const iso = (ms: number) => new Date(ms).toISOString();
  // A successful sign-in of the account from this address clears the pair's slate.
  const lastSuccess = userId
    ? db
        .select({ at: sql<string | null>`max(${auditEntries.at})` })
        .from(auditEntries)
        .where(and(eq(auditEntries.userId, userId), eq(auditEntries.action, "login"), eq(auditEntries.ip, ip)))
        .get()?.at
    : null;
  const memoryStart = iso(now - PAIR_MEMORY_MS);
  const since = lastSuccess && lastSuccess > memoryStart ? lastSuccess : memoryStart;
  const pair = db
    .select({ failures: sql<number>`count(*)`, last: sql<string | null>`max(${auditEntries.at})` })
    .from(auditEntries)
    .where(
      and(
        eq(auditEntries.action, "login_failed"),
        gte(auditEntries.at, since),
        eq(auditEntries.ip, ip),
        sql`json_extract(${auditEntries.detail}, '$.email') = ${email}`,
      ),
    )
    .get();
  const failures = pair?.failures ?? 0;
  if (failures === 0 || !pair?.last) return 0;

  const free = underAttack(db, email, ip, iso(now - ATTACK_WINDOW_MS)) ? FREE_FAILURES_UNDER_ATTACK : FREE_FAILURES;
  if (failures < free) return 0;
  const delay = Math.min(FIRST_DELAY_MS * 2 ** Math.min(failures - free, 20), MAX_DELAY_MS);
  return Math.max(0, Date.parse(pair.last) + delay - now);
}

/**
 * The per-account ceiling and the per-address one: many failures on the account from anywhere
 * (guessing spread over many addresses), or failures on many existing accounts from this address
 * (a few common passwords tried on every account). Either slows every pair involved; neither locks.
 */
function underAttack(db: Db, email: string, ip: string, sinceIso: string): boolean {
  if (countFailedSignIns(db, { email }, sinceIso) >= ACCOUNT_CEILING) return true;
  const accounts = db
    .select({ n: sql<number>`count(DISTINCT ${auditEntries.userId})` })
    .from(auditEntries)
    .where(and(eq(auditEntries.action, "login_failed"), gte(auditEntries.at, sinceIso), eq(auditEntries.ip, ip)))
    .get();
  return (accounts?.n ?? 0) >= ADDRESS_SPRAY_ACCOUNTS;
}
