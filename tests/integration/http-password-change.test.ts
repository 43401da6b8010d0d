// Issue 13, point 4 — changing one's own password ends every other session of that user; the
// session the change was made in continues under a fresh session id.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemoServer } from "../../scripts/lib/prod-server.ts";
import { httpRequest, postLogin, sessionCookieOf } from "./http-client.ts";

type Server = Awaited<ReturnType<typeof startDemoServer>>;
let server: Server;

beforeAll(async () => {
  server = await startDemoServer();
});
afterAll(async () => {
  await server?.cleanup();
});

async function signInAs(email: string, password: string): Promise<string> {
  const answer = await postLogin(server.url, { email, password });
  expect(answer.status).toBe(302);
  return sessionCookieOf(answer)!;
}

/** 200 when the cookie is a live session; a redirect to /login when it is not. */
const profileWith = (cookie: string) => httpRequest(`${server.url}/profile`, { cookie });

describe("Changing your password ends your other sessions (issue 13, point 4)", () => {
  it("two sessions, the password changed in one: the other is signed out, the first continues with a new cookie value", async () => {
    const first = await signInAs("coordinator@bcrm.demo", "forum2021");
    const second = await signInAs("coordinator@bcrm.demo", "forum2021");
    const someoneElse = await signInAs("manager@bcrm.demo", "forum2021");
    expect(first).not.toBe(second);
    expect((await profileWith(first)).status).toBe(200);
    expect((await profileWith(second)).status).toBe(200);

    const change = await httpRequest(`${server.url}/profile`, {
      form: { intent: "password", currentPassword: "forum2021", password: "a-new-password-2025" },
      cookie: first,
      headers: { Origin: server.url },
    });
    expect(change.status).toBe(302);
    expect(change.location).toBe("/profile");
    const renewed = sessionCookieOf(change);
    expect(renewed).not.toBeNull();
    expect(renewed).not.toBe(first);

    // The first browser goes on, with the cookie it was just given.
    const continued = await profileWith(renewed!);
    expect(continued.status).toBe(200);
    expect(continued.body).toContain("coordinator@bcrm.demo");
    // The other session of the same user, and the old id of the first, are signed out.
    for (const old of [second, first]) {
      const answer = await profileWith(old);
      expect(answer.status).toBe(302);
      expect(answer.location).toMatch(/^\/login\?redirectTo=/);
    }
    // Another user's session is not touched.
    expect((await profileWith(someoneElse)).status).toBe(200);

    // The new password signs in; the old one does not.
    expect((await postLogin(server.url, { email: "coordinator@bcrm.demo", password: "forum2021" })).status).toBe(401);
    expect((await postLogin(server.url, { email: "coordinator@bcrm.demo", password: "a-new-password-2025" })).status).toBe(302);
  });

  it("a wrong current password changes nothing: both sessions stay signed in under their cookies", async () => {
    const first = await signInAs("partner@sofia.demo", "forum2021");
    const second = await signInAs("partner@sofia.demo", "forum2021");
    const change = await httpRequest(`${server.url}/profile`, {
      form: { intent: "password", currentPassword: "not-my-password", password: "another-password-2025" },
      cookie: first,
      headers: { Origin: server.url },
    });
    expect(change.status).toBe(400);
    expect(sessionCookieOf(change)).toBeNull();
    expect((await profileWith(first)).status).toBe(200);
    expect((await profileWith(second)).status).toBe(200);
  });
});
