// Who is signed in is looked up once per request: the root loader and the route loader ask with
// the same Request, and the second question is answered without a second query.
import { describe, expect, it } from "vitest";
import { optionalUser, requireUser } from "#app/auth/access.server.ts";
import { destroySession, getSessionUser } from "#app/auth/session.server.ts";
import { getDb } from "#app/db/client.server.ts";
import { sessionCookieFor } from "#tests/helpers.ts";

/** Counts the statements reading `sessions` that the connection executes while `run` runs. */
async function sessionQueries(run: () => Promise<unknown>): Promise<number> {
  const client = getDb().$client;
  const proto = Object.getPrototypeOf(client.prepare("SELECT 1")) as Record<string, (...a: unknown[]) => unknown>;
  const originals = { get: proto.get, all: proto.all };
  let count = 0;
  for (const method of ["get", "all"] as const) {
    proto[method] = function (this: { source: string }, ...a: unknown[]) {
      if (/from "sessions"/i.test(this.source)) count++;
      return originals[method].apply(this, a);
    };
  }
  try {
    await run();
  } finally {
    Object.assign(proto, originals);
  }
  return count;
}

describe("the session, once per request", () => {
  it("the root's and the route's lookups of one request cost one query; another request looks up again", async () => {
    const cookie = await sessionCookieFor("coordinator");
    const request = new Request("http://localhost/organizations", { headers: { Cookie: cookie } });
    let ids: number[] = [];
    const first = await sessionQueries(async () => {
      const root = await optionalUser(request);
      const route = await requireUser(request);
      ids = [root!.id, route.id];
    });
    expect(first).toBe(1);
    expect(ids[0]).toBe(ids[1]);
    const other = new Request("http://localhost/organizations", { headers: { Cookie: cookie } });
    expect(await sessionQueries(() => requireUser(other))).toBe(1);
  });

  it("after a sign-out in the same request, the user is looked up again and is gone", async () => {
    const { createSession } = await import("#app/auth/session.server.ts");
    const { userIdOf } = await import("#tests/helpers.ts");
    const cookie = (await createSession(userIdOf("manager"), { ip: "127.0.0.1" })).split(";")[0];
    const request = new Request("http://localhost/", { headers: { Cookie: cookie } });
    expect((await getSessionUser(request))?.id).toBe(userIdOf("manager"));
    await destroySession(request);
    expect(await getSessionUser(request)).toBeNull();
  });
});
