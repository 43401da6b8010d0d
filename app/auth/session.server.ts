import crypto from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { getDb, preparedOnce, type DbOrTx } from "../db/client.server.ts";
import { sessions, users } from "../db/schema.ts";
import { env } from "../env.server.ts";

export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

// Outside production (dev server, unit tests) a fixed secret is acceptable; production refuses to start without one.
const secret = () => env().SESSION_SECRET ?? "development-only-session-secret";

let cookie: ReturnType<typeof createCookie> | undefined;
/** The cookie holds only a random session id, signed; the session itself lives in the database. */
export function sessionCookie() {
  cookie ??= createCookie("__session", {
    httpOnly: true,
    sameSite: "lax",
    secure: env().SECURE_COOKIES,
    path: "/",
    maxAge: SESSION_TTL_MS / 1000,
    secrets: [secret()],
  });
  return cookie;
}

export type SessionUser = typeof users.$inferSelect;

export async function readSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/**
 * The root loader and the route's loader both ask who is signed in, with the same Request: the
 * answer is looked up once per request. Ending a session anywhere bumps the generation, so a
 * lookup made before a sign-out is never reused after it.
 */
const sessionUserOfRequest = new WeakMap<Request, { generation: number; user: Promise<SessionUser | null> }>();
let sessionGeneration = 0;

/** The active user of a live session, or null (looked up once per request). */
export function getSessionUser(request: Request): Promise<SessionUser | null> {
  const cached = sessionUserOfRequest.get(request);
  if (cached && cached.generation === sessionGeneration) return cached.user;
  const user = lookUpSessionUser(request);
  sessionUserOfRequest.set(request, { generation: sessionGeneration, user });
  return user;
}

async function lookUpSessionUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await readSessionId(request);
  if (!sessionId) return null;
  const lookup = preparedOnce(getDb(), "session.user", (db) =>
    db
      .select({ user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, sql.placeholder("id")), gt(sessions.expiresAt, sql.placeholder("now")), eq(users.active, true)))
      .prepare(),
  );
  const row = lookup.get({ id: sessionId, now: new Date().toISOString() });
  return row?.user ?? null;
}

export type SessionMeta = { ip?: string; userAgent?: string | null };

/** A new session row for the user (on `db`, which may be a transaction); its id. */
export function insertSession(db: DbOrTx, userId: number, meta: SessionMeta): string {
  const id = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS).toISOString();
  // Sweeping expired sessions at each sign-in keeps the table small without a scheduler.
  db.delete(sessions).where(lt(sessions.expiresAt, new Date().toISOString())).run();
  db.insert(sessions).values({ id, userId, expiresAt, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) }).run();
  return id;
}

/** The Set-Cookie header that carries a session id. */
export function sessionCookieHeader(sessionId: string) {
  return sessionCookie().serialize(sessionId);
}

export async function createSession(userId: number, meta: SessionMeta) {
  return sessionCookieHeader(insertSession(getDb(), userId, meta));
}

/** Ends the session in the database (the cookie alone would not) and clears the cookie. */
export async function destroySession(request: Request) {
  const sessionId = await readSessionId(request);
  if (sessionId) getDb().delete(sessions).where(eq(sessions.id, sessionId)).run();
  sessionGeneration++;
  return sessionCookie().serialize("", { maxAge: 0 });
}

export function destroyAllSessionsOf(userId: number, db: DbOrTx = getDb()) {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
  sessionGeneration++;
}

export function redirectToLogin(request: Request): never {
  const url = new URL(request.url);
  const redirectTo = url.pathname + url.search;
  throw redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
}
