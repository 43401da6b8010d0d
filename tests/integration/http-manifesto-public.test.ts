// The Manifesto's public page over HTTP against the production server: served without a
// session, cacheable (Cache-Control, ETag, 304 on If-None-Match), no scripts for the CSP to
// allow, and nothing unpublished or unlisted in it — a coordinator plants a draft with its own
// sentence and endorsements that may not be shown, and the page is searched for them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MANIFESTO_DEMO } from "#app/db/seed-manifesto.server.ts";
import { signIn, startDemoServer } from "../../scripts/lib/prod-server.ts";

let server: Awaited<ReturnType<typeof startDemoServer>>;
let coordinator = "";
const PLANTED_DRAFT = `Непубликуван текст ${Date.now()}`;
const PLANTED_SIGNATORY = `Скрит Подписал ${Date.now()}`;

beforeAll(async () => {
  server = await startDemoServer();
  coordinator = await signIn(server.url, "coordinator@bcrm.demo");
}, 60_000);
afterAll(async () => {
  await server?.cleanup();
});

/** A coordinator's form post, from the app's own origin (server.mjs refuses cross-site writes). */
async function post(path: string, body: Record<string, string | string[]>, cookie = coordinator) {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) for (const item of [v].flat()) form.append(k, item);
  return fetch(`${server.url}${path}`, { method: "POST", headers: { Cookie: cookie, Origin: server.url }, body: form, redirect: "manual" });
}

const publicPage = (query = "", headers: Record<string, string> = {}) => fetch(`${server.url}/manifesto/public${query}`, { headers, redirect: "manual" });

describe("the public Manifesto page", () => {
  it("is served without a session: the adopted version in both languages, its listed endorsers, no cookies set, no scripts", async () => {
    const response = await publicPage();
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("Set-Cookie")).toBeNull();
    expect(response.headers.get("Cache-Control")).toMatch(/^public, max-age=\d+/);
    expect(response.headers.get("ETag")).toMatch(/^"[\w-]+"$/);
    // server.mjs's CSP applies; the page needs nothing from it: no script of any kind, no inline handler.
    expect(response.headers.get("Content-Security-Policy")).toContain("script-src 'self' 'nonce-");
    const html = await response.text();
    expect(html).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    expect(html).toContain("Приета версия 3 (30.11.2021)");
    expect(html).toContain("Дипломите и квалификациите, придобити в чужбина, се признават по опростена процедура.");
    expect(html).toContain("Diplomas and qualifications obtained abroad are recognised through a simplified procedure.");
    expect(html).toContain("Български Червен кръст");
    expect(html).toContain("Община Харманли");
    // Grouped by kind, with counts: four municipalities agreed to be listed.
    expect(html).toMatch(/<h3>Община \(4\)<\/h3>/);
    // The version open for consultation is offered, marked as such.
    expect(html).toContain("Версия 4 е отворена за консултация.");
    const consultation = await (await publicPage("?v=4")).text();
    expect(consultation).toContain("Проект, отворен за консултация — версия 4");
    const english = await (await publicPage("?lang=en")).text();
    expect(english).toContain("Adopted version 3 (30/11/2021)");
    expect(english).toContain('<html lang="en">');
  });

  it("answers 304 to a matching If-None-Match, and a new ETag once what it shows changes", async () => {
    const first = await publicPage();
    const etag = first.headers.get("ETag")!;
    await first.text();
    const again = await publicPage("", { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("ETag")).toBe(etag);
    expect(again.headers.get("Cache-Control")).toMatch(/^public/);
    expect(await again.text()).toBe("");
    expect((await publicPage("", { "If-None-Match": `W/${etag}, "other"` })).status).toBe(304);
    expect((await publicPage("", { "If-None-Match": '"something-else"' })).status).toBe(200);
    // The English page is another representation with its own validator.
    expect((await publicPage("?lang=en", { "If-None-Match": etag })).status).toBe(200);

    // An organization agrees to be listed: the page changes, and so does its ETag.
    const endorsed = await post("/manifesto/endorsements/new", {
      versionId: "3",
      organizationId: await organizationId("Пловдивски университет „Паисий Хилендарски“"),
      signedOn: "2022-04-01",
      signatoryName: "Ректор",
      listPublicly: "on",
    });
    expect(endorsed.status).toBe(302);
    const changed = await publicPage("", { "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("ETag")).not.toBe(etag);
    expect(await changed.text()).toContain("Пловдивски университет „Паисий Хилендарски“");
  });

  it("leaks nothing unpublished: a planted draft, unlisted endorsers and names without consent stay off the page", async () => {
    // A new draft with a sentence of its own.
    const created = await post("/manifesto", { intent: "createVersion", basedOnVersionId: "", titleBg: "Чернова за проверка" });
    expect(created.status).toBe(302);
    const draftPath = created.headers.get("Location")!;
    const draftId = /\/manifesto\/versions\/(\d+)/.exec(draftPath)![1]!;
    const section = await post(`/manifesto/versions/${draftId}`, { intent: "addSection", position: "1", titleBg: PLANTED_DRAFT, bodyBg: PLANTED_DRAFT });
    expect(section.status).toBe(302);
    // An endorser that did not agree to be listed, and one listed whose signatory did not agree to be named.
    const hidden = await post("/manifesto/endorsements/new", {
      versionId: "3",
      organizationId: await organizationId("Нов български университет"),
      signedOn: "2022-04-02",
      signatoryName: PLANTED_SIGNATORY,
    });
    expect(hidden.status).toBe(302);
    const listedNoName = await post("/manifesto/endorsements/new", {
      versionId: "3",
      organizationId: await organizationId("Портал „Маргиналия“"),
      signedOn: "2022-04-03",
      signatoryName: `${PLANTED_SIGNATORY} II`,
      listPublicly: "on",
    });
    expect(listedNoName.status).toBe(302);

    const pages = await Promise.all(["", "?lang=en", "?v=3", "?v=4", "?v=4&lang=en", "?v=2"].map(async (q) => (await publicPage(q)).text()));
    const unlisted = ["Министерство на труда и социалната политика", "Агенция по заетостта", "„Панорама Хотели“ ЕООД", "Каритас Русе", "Нов български университет"];
    for (const html of pages) {
      expect(html).not.toContain(PLANTED_DRAFT);
      expect(html).not.toContain(PLANTED_SIGNATORY);
      expect(html).not.toContain(MANIFESTO_DEMO.draftOnlySentence);
      for (const name of unlisted) expect(html, name).not.toContain(name);
      // Withdrawn endorsements are history, not support.
      expect(html).not.toContain("„Тракия Текстил“ АД");
    }
    expect(pages[0]).toContain("Портал „Маргиналия“");
    expect(pages[0]).toContain("Още 5 организации подкрепиха Манифеста, без да бъдат посочени.");
    // A draft's number is simply not there.
    for (const q of ["?v=1", `?v=${draftId}`, "?v=999", "?v=abc"]) {
      const response = await publicPage(q);
      expect(response.status, q).toBe(404);
      const html = await response.text();
      expect(html).not.toContain(PLANTED_DRAFT);
      expect(html).not.toContain(MANIFESTO_DEMO.draftOnlySentence);
    }
  });
});

/** An organization's id, looked up through the staff's own search source. */
async function organizationId(name: string): Promise<string> {
  const response = await fetch(`${server.url}/choices/organizations?q=${encodeURIComponent(name)}`, { headers: { Cookie: coordinator } });
  const { choices } = (await response.json()) as { choices: Array<{ id: number; label: string }> };
  const found = choices.find((c) => c.label === name);
  if (!found) throw new Error(`no organization ${name}`);
  return String(found.id);
}
