// Issue 14, point 4: after a refused save the user sees why. At 1366×768, with the page scrolled
// down to the Save button, the error summary comes into view and takes the focus; each error in
// it links to its field. Without JavaScript the returned page opens on the summary.
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { demo, saveSignIn } from "./fixtures.ts";

const port = process.env.E2E_PORT ?? 3100;
const stateOf = (role: string) => path.join(os.tmpdir(), `bcrm-e2e-${port}-errors-${role}.json`);

test.use({ viewport: { width: 1366, height: 768 } });
test.beforeAll(async ({ browser }) => saveSignIn(browser, demo.coordinator, stateOf("coordinator")));

/** Scrolls to the bottom (where Save is), submits, and checks the summary is in view, focused, and links to fields. */
async function submitAndSeeSummary(page: Page, submit: () => Promise<void>) {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await submit();
  const summary = page.getByRole("alert").filter({ hasText: "Формулярът съдържа грешки" });
  await expect(summary).toBeVisible();
  await expect(summary, "the summary is wholly inside the viewport").toBeInViewport({ ratio: 1 });
  await expect(summary, "the summary has the focus").toBeFocused();
  const links = summary.getByRole("link");
  expect(await links.count(), "each error is a link to its field").toBeGreaterThan(0);
  for (const link of await links.all()) {
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^#./);
    await expect(page.locator(href!), `${href} is a field of the form`).toHaveAttribute("aria-invalid", "true");
  }
  return summary;
}

const clickSave = (page: Page) => () => page.getByRole("button", { name: "Запази" }).click();

/** The id of the first record a list page links to. */
async function firstId(page: Page, kind: string): Promise<string> {
  await page.goto(`/${kind}`);
  const href = await page.locator(`tbody a[href^='/${kind}/']`).first().getAttribute("href");
  const id = href?.match(new RegExp(`^/${kind}/(\\d+)$`))?.[1];
  expect(id, `a ${kind} record to edit`).toBeTruthy();
  return id!;
}

test.describe("as a coordinator", () => {
  test.use({ storageState: stateOf("coordinator") });

  test("every create form: an empty save brings the focused summary into view", async ({ page }) => {
    let organizationId = "";
    for (const kind of ["organizations", "people", "refugees", "events", "partnerships", "commitments", "follow-ups"]) {
      await page.goto(`/${kind}/new`);
      // follow-ups/new comes with a due date and an assignee; its title is what is missing.
      await submitAndSeeSummary(page, clickSave(page));
      if (kind === "organizations") organizationId = await firstId(page, "organizations");
    }
    await page.goto(`/interactions/new?organizationId=${organizationId}`);
    await submitAndSeeSummary(page, clickSave(page));
  });

  test("every edit form: a save with a required field emptied brings the focused summary into view", async ({ page }) => {
    const required: Record<string, string> = {
      organizations: "#field-name", people: "#field-name", refugees: "#field-name", events: "#field-title",
      partnerships: "#field-title", commitments: "#field-title", "follow-ups": "#field-title",
    };
    for (const [kind, field] of Object.entries(required)) {
      const id = await firstId(page, kind);
      await page.goto(`/${kind}/${id}/edit`);
      await page.locator(field).fill("");
      await submitAndSeeSummary(page, clickSave(page));
    }
    // An interaction (logged here, so there is one) is edited from its organization's timeline.
    const subject = `Разговор за редакция ${Date.now().toString(36)}`;
    await page.goto(`/interactions/new?organizationId=${await firstId(page, "organizations")}`);
    await page.locator("#field-subject").fill(subject);
    await clickSave(page)();
    await page.locator(".timeline li", { hasText: subject }).locator("a[href*='/edit']").click();
    await expect(page).toHaveURL(/\/interactions\/\d+\/edit/);
    await page.locator("#field-subject").fill("");
    await submitAndSeeSummary(page, clickSave(page));
  });

  test("an error in the summary takes the user to its field", async ({ page }) => {
    await page.goto("/follow-ups/new");
    const summary = await submitAndSeeSummary(page, clickSave(page));
    const link = summary.getByRole("link", { name: "Задача" });
    await link.click();
    await expect(page.locator("#field-title")).toBeFocused();
  });

  test("refugee consent form: a refused consent brings the focused summary into view", async ({ page }) => {
    const id = await firstId(page, "refugees");
    await page.goto(`/refugees/${id}`);
    const consent = page.getByRole("form", { name: "Ново съгласие" });
    await consent.getByLabel("Дадено на").fill("");
    await submitAndSeeSummary(page, () => consent.getByRole("button", { name: "Запиши съгласие" }).click());
  });
});

test("without JavaScript the refused page opens on the summary", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: stateOf("coordinator"), viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  for (const kind of ["commitments", "follow-ups"]) {
    await page.goto(`/${kind}/new`);
    await submitAndSeeSummary(page, clickSave(page));
  }
  await context.close();
});

test("admin's new-user form: a refused save brings the focused summary into view", async ({ browser }) => {
  await saveSignIn(browser, demo.admin, stateOf("admin"));
  const context = await browser.newContext({ storageState: stateOf("admin"), viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto("/admin/users");
  await submitAndSeeSummary(page, () => page.getByRole("button", { name: "Нов потребител" }).click());
  await context.close();
});

test("partner's report form: a report without a note brings the focused summary into view", async ({ browser }) => {
  await saveSignIn(browser, demo.partnerSofia, stateOf("partner"));
  const context = await browser.newContext({ storageState: stateOf("partner"), viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto("/shared");
  await page.locator("a[href^='/shared/commitments/']").first().click();
  await submitAndSeeSummary(page, () => page.getByRole("button", { name: "Изпрати доклада" }).click());
  await context.close();
});
