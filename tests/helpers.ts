// Calling real loaders and actions against the test file's database, as a given user.
import { eq, sql } from "drizzle-orm";
import { createSession } from "#app/auth/session.server.ts";
import { getDb } from "#app/db/client.server.ts";
import { auditEntries, users } from "#app/db/schema.ts";
import { type DemoRecord, demoId, demoPath } from "./demo-handles.ts";

export { demo, demoName, type DemoRecord } from "./demo-handles.ts";

export const demoUsers = {
  admin: "admin@bcrm.demo",
  manager: "manager@bcrm.demo",
  coordinator: "coordinator@bcrm.demo",
  partnerSofia: "partner@sofia.demo",
  partnerRedCross: "partner@redcross.demo",
} as const;
export type DemoUser = keyof typeof demoUsers;

const cookieCache = new Map<string, string>();

/** A Cookie header of a real session for the demo user. */
export async function sessionCookieFor(who: DemoUser): Promise<string> {
  const email = demoUsers[who];
  const cached = cookieCache.get(email);
  if (cached) return cached;
  const user = getDb().select().from(users).where(eq(users.email, email)).get();
  if (!user) throw new Error(`No demo user ${email}`);
  const setCookie = await createSession(user.id, { ip: "127.0.0.1" });
  const cookie = setCookie.split(";")[0];
  cookieCache.set(email, cookie);
  return cookie;
}

export function userIdOf(who: DemoUser): number {
  return getDb().select({ id: users.id }).from(users).where(eq(users.email, demoUsers[who])).get()!.id;
}

type RouteModule = {
  loader?: (args: any) => Promise<unknown> | unknown;
  action?: (args: any) => Promise<unknown> | unknown;
};

export type Outcome = { status: number; response: Response | null; data: any };

/** Runs a loader or action like Remix would, and turns thrown responses into an outcome. */
export async function call(
  route: RouteModule,
  kind: "loader" | "action",
  options: { path: string; params?: Record<string, string>; as?: DemoUser | null; form?: Record<string, string | string[]> | FormData; ip?: string },
): Promise<Outcome> {
  const headers = new Headers();
  if (options.as) headers.set("Cookie", await sessionCookieFor(options.as));
  let body: FormData | undefined;
  if (kind === "action") {
    if (options.form instanceof FormData) body = options.form;
    else {
      body = new FormData();
      for (const [k, v] of Object.entries(options.form ?? {})) for (const item of [v].flat()) body.append(k, item);
    }
  }
  const request = new Request(`http://localhost${options.path}`, { method: kind === "action" ? "POST" : "GET", headers, body });
  const fn = route[kind];
  if (!fn) throw new Error(`route has no ${kind}`);
  try {
    const result = await fn({ request, params: options.params ?? {}, context: { clientIp: options.ip ?? "127.0.0.1" } });
    if (result instanceof Response) {
      const data = result.headers.get("Content-Type")?.includes("json") ? await result.clone().json() : null;
      return { status: result.status, response: result, data };
    }
    return { status: 200, response: null, data: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, response: thrown, data: null };
    throw thrown;
  }
}

export function auditCount(): number {
  return getDb().select({ n: sql<number>`count(*)` }).from(auditEntries).get()!.n;
}

export function latestAudit() {
  return getDb().select().from(auditEntries).orderBy(auditEntries.id).all().at(-1)!;
}

/** A demo record's id in this test file's database, by its handle: `idOf(demo.organizations.sofiaMunicipality)`. */
export function idOf(record: DemoRecord): number {
  return demoId(getDb(), record);
}

/** A demo record's detail page in this test file's database (`/organizations/17`). */
export function pathOf(record: DemoRecord): string {
  return demoPath(getDb(), record);
}
