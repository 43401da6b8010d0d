// Issue 14, point 5: a form that was saved is empty again (or gone, after a redirect), a
// password never comes back, and the same form sent twice — a double click, or the very same
// request sent again — makes one record.
import os from "node:os";
import path from "node:path";
import { expect, test, type Locator, type Page, type Request } from "@playwright/test";
import { demo, saveSignIn } from "./fixtures.ts";

const port = process.env.E2E_PORT ?? 3100;
const stateOf = (role: string) => path.join(os.tmpdir(), `bcrm-e2e-${port}-resubmit-${role}.json`);
const unique = Date.now().toString(36);

/** Waits for the form's POST while `act` runs, and returns it so the test can send it again. */
async function postOf(page: Page, act: () => Promise<void>): Promise<Request> {
  const posted = page.waitForRequest((r) => r.method() === "POST");
  await act();
  return posted;
}

type Entry = { name: string; value: string } | { name: string; file: { name: string; type: string; base64: string } };

/**
 * What the browser would send for this form with this button (`new FormData(form, submitter)`),
 * files included — a captured request lacks the bytes of uploaded files.
 */
async function formAsSent(submitter: Locator): Promise<{ action: string; entries: Entry[] }> {
  return submitter.evaluate(async (button: HTMLButtonElement) => {
    const form = button.form!;
    const entries: Entry[] = [];
    for (const [name, value] of new FormData(form, button).entries()) {
      if (typeof value === "string") entries.push({ name, value });
      else {
        const bytes = new Uint8Array(await value.arrayBuffer());
        let binary = "";
        for (const b of bytes) binary += String.fromCharCode(b);
        entries.push({ name, file: { name: value.name, type: value.type, base64: btoa(binary) } });
      }
    }
    return { action: form.action, entries };
  });
}

/** Sends that form again as the browser sends it without JavaScript (same fields, same order, same session). */
async function sendFormAgain(page: Page, sent: { action: string; entries: Entry[] }) {
  const body = new FormData();
  for (const entry of sent.entries) {
    if ("value" in entry) body.append(entry.name, entry.value);
    else body.append(entry.name, new Blob([Buffer.from(entry.file.base64, "base64")], { type: entry.file.type }), entry.file.name);
  }
  const again = await page.request.post(sent.action, { multipart: body, maxRedirects: 0, headers: { Origin: new URL(sent.action).origin } });
  expect(again.status(), "the second sending is answered, not refused as forged").toBeLessThan(400);
}

/** Sends the very same request (method, headers, body, cookies) again, as a resend would. */
async function sendAgain(page: Page, request: Request) {
  const again = await page.request.fetch(request, { maxRedirects: 0 });
  expect(again.status(), "the second sending is answered, not refused as forged").toBeLessThan(400);
}

test("partner report: after «Изпрати доклада» the form is empty, and the same report sent twice is one report", async ({ browser }) => {
  await saveSignIn(browser, demo.partnerSofia, stateOf("partner"));
  const context = await browser.newContext({ storageState: stateOf("partner") });
  const page = await context.newPage();
  const note = `Проведени са две обучения (повторно изпращане ${unique}).`;
  await page.goto("/shared");
  await page.locator("a[href^='/shared/commitments/']").last().click();
  await expect(page).toHaveURL(/\/shared\/commitments\/\d+$/);

  await page.getByLabel("Какво е направено").fill(note);
  await page.getByLabel("Предложен статус").selectOption({ index: 1 });
  await page.getByLabel("Файл с доказателство").setInputFiles(path.resolve("tests/fixtures/evidence.pdf"));
  const send = page.getByRole("button", { name: "Изпрати доклада" });
  const sent = await formAsSent(send);
  expect(sent.entries.some((e) => "file" in e && e.file.name === "evidence.pdf"), "the file goes with the report").toBe(true);
  await send.click();
  await expect(page.getByRole("status")).toHaveText("Докладът е изпратен. Координатор на БСБМ ще го потвърди.");
  await expect(page.locator(".timeline-entry", { hasText: note })).toHaveCount(1);

  // The form is empty again: note, status and file.
  await expect(page.getByLabel("Какво е направено")).toHaveValue("");
  await expect(page.getByLabel("Предложен статус")).toHaveValue("");
  await expect(page.getByLabel("Файл с доказателство")).toHaveValue("");

  // The same form once more (a double click, a resend): still one report, and one stored file.
  await sendFormAgain(page, sent);
  // A second click on the emptied form sends no report either.
  await page.getByRole("button", { name: "Изпрати доклада" }).click();
  await expect(page.getByText("Задължително поле.", { exact: true })).toBeVisible();

  await page.reload();
  await expect(page.locator(".timeline-entry", { hasText: note })).toHaveCount(1);
  await context.close();
});

test.describe("as a coordinator", () => {
  test.beforeAll(async ({ browser }) => saveSignIn(browser, demo.coordinator, stateOf("coordinator")));
  test.use({ storageState: stateOf("coordinator") });

  test("follow-up form: a double click on «Запази» and the same form sent again make one follow-up", async ({ page }) => {
    const title = `Двоен клик ${unique}`;
    await page.goto("/follow-ups/new");
    await page.getByLabel("Задача", { exact: false }).first().fill(title);
    const sent = await postOf(page, () => page.getByRole("button", { name: "Запази" }).dblclick());
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    const created = page.url();
    await sendAgain(page, sent);

    await page.goto(`/follow-ups?q=${encodeURIComponent(title)}`);
    const rows = page.locator("tbody tr", { hasText: title });
    await expect(rows).toHaveCount(1);
    await rows.getByRole("link", { name: title }).click();
    await expect(page).toHaveURL(created);
  });
});

test("admin's new-user form is empty after saving, never gets the password back, and a resend makes no second user", async ({ browser }) => {
  await saveSignIn(browser, demo.admin, stateOf("admin"));
  const context = await browser.newContext({ storageState: stateOf("admin") });
  const page = await context.newPage();
  const password = `Парола-${unique}-дълга`;
  const email = `nov.${unique}@bcrm.demo`;
  const bodies: string[] = [];
  page.on("response", async (response) => {
    if (response.request().method() === "POST") bodies.push(await response.text().catch(() => ""));
  });
  await page.goto("/admin/users");
  const form = page.locator("form", { has: page.getByRole("button", { name: "Нов потребител" }) });
  const passwordField = form.locator("input[name='password']");

  // Refused (no name): what was typed stays for correcting, but the answer does not carry the password.
  await form.getByLabel("Имейл").fill(email);
  await passwordField.fill(password);
  await form.getByRole("button", { name: "Нов потребител" }).click();
  await expect(form.getByText("Задължително поле.", { exact: true })).toBeVisible();
  await expect(form.getByLabel("Имейл")).toHaveValue(email);

  await form.getByRole("textbox", { name: "Име", exact: true }).fill(`Нов Координатор ${unique}`);
  await passwordField.fill(password);
  const sent = await postOf(page, () => form.getByRole("button", { name: "Нов потребител" }).click());
  await expect(page.getByRole("status")).toHaveText("Потребителят е създаден.");
  await expect(form.getByRole("textbox", { name: "Име", exact: true })).toHaveValue("");
  await expect(form.getByLabel("Имейл")).toHaveValue("");
  await expect(passwordField).toHaveValue("");

  await sendAgain(page, sent);
  await page.reload();
  await expect(page.locator("tbody tr", { hasText: email })).toHaveCount(1);
  expect(bodies.length).toBeGreaterThan(0);
  for (const body of bodies) expect(body).not.toContain(password);
  await context.close();
});
