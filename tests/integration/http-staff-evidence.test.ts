// Issue 16 point 3 ("Evidence for everyone"), over HTTP against the production server: a
// coordinator's progress update carries a file like a partner's report does (same store, limits,
// content checks); the timeline says each file's name, type and size; PDF and images open in the
// browser (inline, still sandboxed and nosniff), office files download; a partner of another
// organization gets 404. The same in Chromium: tests/e2e/staff-evidence.spec.ts.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bg } from "#app/i18n/messages.ts";
import { demoUsers } from "#tests/helpers.ts";
import { signIn, startDemoServer } from "../../scripts/lib/prod-server.ts";

type Server = Awaited<ReturnType<typeof startDemoServer>>;
let server: Server;
let coordinator: string;
let partnerSofia: string;
let partnerRedCross: string;
let commitmentPath: string;
let sharedPath: string;

// Led by Sofia, shared with its partner users; the Red Cross has no part in it.
const COMMITMENT = "Прием на деца на бежанци в общинските детски градини без изискване за постоянен адрес";
const pdf = fs.readFileSync(path.resolve("tests/fixtures/evidence.pdf"));
// A 1×1 PNG.
const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

beforeAll(async () => {
  server = await startDemoServer();
  coordinator = await signIn(server.url, demoUsers.coordinator);
  partnerSofia = await signIn(server.url, demoUsers.partnerSofia);
  partnerRedCross = await signIn(server.url, demoUsers.partnerRedCross);
  const list = await get(`/commitments?q=${encodeURIComponent(COMMITMENT)}`, coordinator);
  const match = new RegExp(`href="(/commitments/\\d+)"[^>]*>${COMMITMENT}<`).exec(list.text);
  if (!match) throw new Error(`${COMMITMENT} is not on /commitments`);
  commitmentPath = match[1];
  sharedPath = commitmentPath.replace("/commitments/", "/shared/commitments/");
}, 60_000);
afterAll(async () => {
  await server?.cleanup();
});

async function get(url: string, cookie: string) {
  const response = await fetch(`${server.url}${url}`, { headers: { Cookie: cookie }, redirect: "manual" });
  return { status: response.status, headers: response.headers, text: await response.text(), response };
}

async function post(url: string, cookie: string, body: FormData) {
  const response = await fetch(`${server.url}${url}`, { method: "POST", headers: { Cookie: cookie, Origin: server.url }, body, redirect: "manual" });
  return { status: response.status, location: response.headers.get("Location"), text: await response.text() };
}

function pageText(html: string): string {
  return html.replace(/<!-- -->/g, "").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** Posts a staff progress update with the file, and returns the /evidence/N link of that file on the timeline and the page text. */
async function staffUpdateWith(note: string, file: File) {
  const form = new FormData();
  form.append("intent", "addUpdate");
  form.append("note", note);
  form.append("evidenceFile", file);
  const answer = await post(commitmentPath, coordinator, form);
  expect(answer.status, answer.text.slice(0, 300)).toBe(302);
  const page = pageText((await get(commitmentPath, coordinator)).text);
  const link = new RegExp(`href="(/evidence/\\d+)"[^>]*>Файл: ${file.name.replace(/[.()]/g, "\\$&")}</a>\\s*<span class="hint">([^<]*)</span>`).exec(page);
  expect(link, `no link to ${file.name} on the timeline`).not.toBeNull();
  return { href: link![1], facts: link![2], page };
}

async function xlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Отчет").addRow(["Участници", 42]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("issue 16 point 3: staff progress updates carry evidence files (HTTP, production server)", () => {
  it("a coordinator's update with a PDF shows the file's name, type and size; the PDF opens inline, sandboxed and nosniff", async () => {
    const note = "Координаторът прилага присъствения списък";
    const { href, facts, page } = await staffUpdateWith(note, new File([pdf], "Присъствен списък.pdf", { type: "application/pdf" }));
    expect(page).toContain(note);
    expect(pdf.byteLength).toBeLessThan(1024);
    expect(facts).toBe(`(PDF, ${pdf.byteLength} B)`);

    const file = await get(href, coordinator);
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toBe("application/pdf");
    expect(file.headers.get("Content-Disposition")).toMatch(/^inline; filename="/);
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(file.headers.get("Content-Disposition")!)![1])).toBe("Присъствен списък.pdf");
    expect(file.headers.get("Content-Security-Policy")).toBe("default-src 'none'; sandbox");
    expect(file.headers.get("X-Content-Type-Options")).toBe("nosniff");

    // The partner whose commitment it is sees the same file on the portal; another partner gets 404.
    const shared = pageText((await get(sharedPath, partnerSofia)).text);
    expect(shared).toContain(`href="${href}"`);
    expect(shared).toContain(`(PDF, ${pdf.byteLength} B)`);
    expect((await get(href, partnerSofia)).status).toBe(200);
    expect((await get(href, partnerRedCross)).status).toBe(404);
  });

  it("a PNG opens inline; an XLSX is a download; each is named with its type and size", async () => {
    const image = await staffUpdateWith("Снимка от урока", new File([png], "урок.png", { type: "image/png" }));
    expect(image.facts).toBe(`(PNG, ${png.byteLength} B)`);
    const shown = await get(image.href, coordinator);
    expect(shown.headers.get("Content-Type")).toBe("image/png");
    expect(shown.headers.get("Content-Disposition")).toMatch(/^inline;/);
    expect(shown.headers.get("Content-Security-Policy")).toMatch(/sandbox/);
    expect(shown.headers.get("X-Content-Type-Options")).toBe("nosniff");

    const sheet = await xlsx();
    const table = await staffUpdateWith("Таблица с участниците", new File([new Uint8Array(sheet)], "участници.xlsx", { type: "application/octet-stream" }));
    expect(sheet.byteLength).toBeGreaterThan(1024);
    expect(table.facts).toBe(`(XLSX, ${Math.round(sheet.byteLength / 1024)} KB)`);
    const download = await get(table.href, coordinator);
    expect(download.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(download.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    expect(download.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

  it("the partner's content checks hold for staff: a script named .pdf is refused with the note kept, nothing stored", async () => {
    const note = "Бележка с подправен файл";
    const form = new FormData();
    form.append("intent", "addUpdate");
    form.append("note", note);
    form.append("evidenceFile", new File(["<script>alert(1)</script>"], "отчет.pdf", { type: "application/pdf" }));
    const answer = await post(commitmentPath, coordinator, form);
    expect(answer.status).toBe(400);
    const page = pageText(answer.text);
    expect(page).toContain(bg["errors.evidenceType"]);
    expect(page).toMatch(new RegExp(`<textarea[^>]*name="note"[^>]*>${note}</textarea>`));
    expect(pageText((await get(commitmentPath, coordinator)).text)).not.toContain("отчет.pdf");
  });
});
