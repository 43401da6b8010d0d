// Issue 13, point 3 ("Safe at the boundary"): uploads survive ordinary file names, over HTTP
// against the production server (server.mjs on the build). The multipart bodies are built by
// undici's FormData, which encodes file names the way browsers do (UTF-8 as is, `"` as %22).
// The same journeys in Chromium: tests/e2e/uploads.spec.ts.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bg } from "#app/i18n/messages.ts";
import { demoUsers } from "#tests/helpers.ts";
import { signIn, startDemoServer } from "../../scripts/lib/prod-server.ts";

type Server = Awaited<ReturnType<typeof startDemoServer>>;
let server: Server;
let partner: string;
let coordinator: string;
let commitmentPath: string;

const COMMITMENT = "Безплатни курсове по български език в общинските читалища";
const pdf = fs.readFileSync(path.resolve("tests/fixtures/evidence.pdf"));
const csvPath = path.resolve("tests/fixtures/contacts=2023.csv");

/** Names a partner's computer can give a file; the last is 200 characters (the emoji counts as one). */
const evidenceNames = [
  "Отчет 2023=финален.pdf",
  "report;final.pdf",
  `"Final" report's copy.pdf`,
  "Доклад 🎉 2023 (окончателен).pdf",
  [...`"Годишен" доклад за курсовете=2023; 🎉 ${"я".repeat(200)}`].slice(0, 196).join("") + ".pdf",
];

beforeAll(async () => {
  server = await startDemoServer();
  partner = await signIn(server.url, demoUsers.partnerSofia);
  coordinator = await signIn(server.url, demoUsers.coordinator);
  const shared = await get("/shared", partner);
  const match = new RegExp(`href="(/shared/commitments/\\d+)"[^>]*>${COMMITMENT}<`).exec(shared.text);
  if (!match) throw new Error(`${COMMITMENT} is not on the partner's /shared page`);
  commitmentPath = match[1];
}, 60_000);
afterAll(async () => {
  await server?.cleanup();
});

async function get(url: string, cookie: string) {
  const response = await fetch(`${server.url}${url}`, { headers: { Cookie: cookie }, redirect: "manual" });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function post(url: string, cookie: string, body: FormData | URLSearchParams) {
  // Origin as a browser sends it on a same-site form post.
  const response = await fetch(`${server.url}${url}`, { method: "POST", headers: { Cookie: cookie, Origin: server.url }, body, redirect: "manual" });
  return { status: response.status, location: response.headers.get("Location"), text: await response.text() };
}

/** The text of an HTML page with React's entity escapes undone. */
function pageText(html: string): string {
  return html
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

describe("issue 13 point 3: uploads survive ordinary file names (HTTP, production server)", () => {
  it("a partner's evidence named with =, ;, quotes, Cyrillic, emoji or 200 characters is kept under that name, with the note typed", async () => {
    expect([...evidenceNames.at(-1)!].length).toBe(200);
    const failures: string[] = [];
    for (const [i, name] of evidenceNames.entries()) {
      const note = `Доклад ${i + 1} с файла ${name}`;
      const form = new FormData();
      form.append("intent", "update");
      form.append("note", note);
      form.append("evidenceFile", new File([pdf], name, { type: "application/pdf" }));
      const answer = await post(commitmentPath, partner, form);
      if (answer.status !== 302 || answer.location !== commitmentPath) {
        failures.push(`${name} → ${answer.status} ${answer.location ?? ""} ${answer.text.slice(0, 200)}`);
        continue;
      }
      const page = pageText((await get(commitmentPath, partner)).text);
      if (!page.includes(note)) failures.push(`${name}: the note is not on the timeline`);
      const link = new RegExp(`href="(/evidence/\\d+)"[^>]*>Файл: ([^<]*)<`, "g");
      const files = [...page.matchAll(link)].filter((m) => m[2] === name);
      if (files.length !== 1) {
        failures.push(`${name}: no file link with that exact name (links: ${[...page.matchAll(link)].map((m) => m[2]).join(" | ")})`);
        continue;
      }
      // The download is the same bytes, offered under the same name.
      const download = await fetch(`${server.url}${files[0][1]}`, { headers: { Cookie: partner } });
      expect(download.status).toBe(200);
      const disposition = download.headers.get("Content-Disposition") ?? "";
      const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
      if (!encoded || decodeURIComponent(encoded) !== name) failures.push(`${name}: downloaded as ${disposition}`);
      if (Buffer.compare(Buffer.from(await download.arrayBuffer()), pdf) !== 0) failures.push(`${name}: the bytes differ`);
    }
    expect(failures).toEqual([]);
  });

  it("a partner's evidence over 10 MB named Отчет=голям.pdf gets the size message with the note kept; a note without a file is saved", async () => {
    const note = "Бележка, която не бива да се губи";
    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(10 * 1024 * 1024 + 1, 0x20)]);
    const form = new FormData();
    form.append("intent", "update");
    form.append("note", note);
    form.append("evidenceFile", new File([big], "Отчет=голям.pdf", { type: "application/pdf" }));
    const answer = await post(commitmentPath, partner, form);
    expect(answer.status).toBe(400);
    const page = pageText(answer.text);
    expect(page).toContain(bg["errors.evidenceTooLarge"]);
    expect(page).toMatch(new RegExp(`<textarea[^>]*name="note"[^>]*>${note}</textarea>`));

    // The same form's other use, a note without a file, as an ordinary url-encoded form.
    const plain = await post(commitmentPath, partner, new URLSearchParams({ intent: "update", note: `${note} (без файл)` }));
    expect(plain.status).toBe(302);
    expect(pageText((await get(commitmentPath, partner)).text)).toContain(`${note} (без файл)`);
    // And as multipart with the file input left empty (an empty part with filename="", as browsers send it).
    const empty = new FormData();
    empty.append("intent", "update");
    empty.append("note", `${note} (празно поле за файл)`);
    empty.append("evidenceFile", new File([], "", { type: "application/octet-stream" }));
    expect((await post(commitmentPath, partner, empty)).status).toBe(302);
  });

  /** Uploads a CSV of organizations, commits it with the mapping its preview offers, and returns the import's id. */
  async function importOrganizations(bytes: Buffer, fileName: string): Promise<string> {
    const form = new FormData();
    form.append("intent", "upload");
    form.append("kind", "organizations");
    form.append("file", new File([new Uint8Array(bytes)], fileName, { type: "text/csv" }));
    const staged = await post("/imports?index", coordinator, form);
    expect(staged.status, staged.text.slice(0, 300)).toBe(302);
    const previewPath = staged.location!;
    expect(previewPath).toMatch(/^\/imports\/\d+$/);
    const preview = pageText((await get(previewPath, coordinator)).text);
    expect(preview).toContain(bg["imports.preview.title"].replace("{file}", fileName));
    // Commit with the mapping the page offers (its hidden m0, m1, … fields).
    const commit = new URLSearchParams({ intent: "commit" });
    for (const m of preview.matchAll(/<input type="hidden" name="(m\d+)" value="([^"]*)"/g)) commit.append(m[1], m[2]);
    expect([...commit.keys()].length).toBeGreaterThan(1);
    const committed = await post(previewPath, coordinator, commit);
    expect(committed.status).toBe(302);
    expect(committed.location).toBe("/imports");
    return previewPath.split("/").pop()!;
  }

  /** Posts Undo the way the page's Undo button does: an ordinary url-encoded form. */
  async function undoAsThePageDoes(id: string, fileName: string) {
    const undo = await post("/imports?index", coordinator, new URLSearchParams({ intent: "undo", id }));
    expect(undo.status, /role="alert"[^>]*>([^<]*)/.exec(pageText(undo.text))?.[1]).toBe(302);
    expect(undo.location).toBe("/imports");
    const history = pageText((await get("/imports", coordinator)).text);
    const row = new RegExp(`<tr>(?:(?!</tr>).)*${fileName.replace(/[.=]/g, "\\$&")}(?:(?!</tr>).)*</tr>`, "s").exec(history)?.[0] ?? "";
    expect(row).toContain(bg["imports.undone"].replace(" {date}", ""));
  }

  const organizationsIn = async (query: string) => pageText((await get(`/organizations?q=${encodeURIComponent(query)}`, coordinator)).text);

  it("a coordinator imports contacts=2023.csv and undoes it with the Undo form as the page posts it", async () => {
    const id = await importOrganizations(fs.readFileSync(csvPath), "contacts=2023.csv");
    expect(await organizationsIn("Ново начало 2023")).toContain("Сдружение „Ново начало 2023“");
    await undoAsThePageDoes(id, "contacts=2023.csv");
    expect(await organizationsIn("Ново начало 2023")).not.toContain("Сдружение „Ново начало 2023“");
  });

  it("the import's Undo, an ordinary url-encoded form, undoes an import of a plainly named file", async () => {
    const csv = Buffer.from("Наименование,Вид,Област\r\nФондация „Мост Undo“,ngo,Варна\r\n");
    const id = await importOrganizations(csv, "contacts.csv");
    expect(await organizationsIn("Мост Undo")).toContain("Фондация „Мост Undo“");
    await undoAsThePageDoes(id, "contacts.csv");
    expect(await organizationsIn("Мост Undo")).not.toContain("Фондация „Мост Undo“");
  });

  it("an import file over 5 MB named contacts=2023.csv gets the import's size message", async () => {
    const form = new FormData();
    form.append("intent", "upload");
    form.append("kind", "organizations");
    const header = fs.readFileSync(csvPath, "utf8").split("\r\n")[0];
    form.append("file", new File([`${header}\r\n`, "x".repeat(5 * 1024 * 1024 + 1)], "contacts=2023.csv", { type: "text/csv" }));
    const answer = await post("/imports?index", coordinator, form);
    expect(answer.status).toBe(413);
    expect(pageText(answer.text)).toContain(bg["imports.error.tooLarge"]);
  });
});
