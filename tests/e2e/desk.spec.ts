// Issue 17 ("A day at BCRM's desk"), as a person sees it in the browser: a search that ranks,
// an audit log you can question, a dashboard whose numbers lead to their records, and «/».
import { expect, test, type Page } from "@playwright/test";
import { demo, signIn, test as worldTest } from "./fixtures.ts";

/** The count a list page says it holds («Показани 1–25 от 47», or «Общо: 3»). */
async function totalOn(page: Page): Promise<number> {
  const summary = page.locator(".pager-summary").last();
  await expect(summary).toBeVisible();
  const digits = (await summary.innerText()).match(/(\d[\d\s\u00a0\u202f]*)\s*$/)?.[1] ?? "";
  return Number(digits.replace(/\D/g, ""));
}

test("searching «Столична» from the organizations list puts Столична община first", async ({ page }) => {
  await signIn(page, demo.coordinator);
  await page.goto("/organizations");
  await page.locator("main").getByRole("searchbox").fill("Столична");
  await page.locator("main").getByRole("button", { name: "Филтрирай" }).click();
  await expect(page).toHaveURL(/q=/);
  expect(await totalOn(page)).toBeGreaterThan(25);
  await expect(page.locator("main table tbody tr").first().getByRole("link").first()).toHaveText("Столична община");
});

test("the audit log filters by record, links to it and says what changed in words; the admin exports it", async ({ page }) => {
  await signIn(page, demo.admin);
  // A change to audit: an organization's kind and phone.
  await page.goto("/organizations?q=Столична+община");
  await page.locator("main table").getByRole("link", { name: "Столична община", exact: true }).click();
  await expect(page).toHaveURL(/\/organizations\/\d+$/);
  const orgUrl = new URL(page.url()).pathname;
  const orgId = orgUrl.split("/").pop()!;
  await page.goto(`${orgUrl}/edit`);
  const phone = `+359 2 ${Date.now() % 10_000_000}`;
  await page.getByRole("textbox", { name: "Телефон" }).fill(phone);
  await page.getByRole("button", { name: "Запази" }).click();
  await expect(page).toHaveURL(new RegExp(`${orgUrl}$`));

  await page.goto("/admin/audit");
  const filters = page.getByRole("form", { name: "Филтри на одитния журнал" });
  await filters.locator('select[name="entityType"]').selectOption("organization");
  await filters.getByLabel("№ на записа").fill(orgId);
  await filters.locator('select[name="action"]').selectOption("update");
  await filters.getByRole("button", { name: "Филтрирай" }).click();
  await expect(page).toHaveURL(/entityType=organization/);
  const rows = page.locator("main table tbody tr");
  await expect(rows.first()).toContainText(`Телефон: `);
  await expect(rows.first()).toContainText(`→ ${phone}`);
  await expect(rows.first()).not.toContainText("{");
  for (const row of await rows.all()) await expect(row).toContainText(`Организация №${orgId}`);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /CSV/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^bcrm-audit-.*\.csv$/);

  await rows.first().getByRole("link", { name: `Организация №${orgId}` }).click();
  await expect(page).toHaveURL(new RegExp(`${orgUrl}$`));
});

test("every number and bar on the dashboard leads to a list of exactly that many records", async ({ page }) => {
  await signIn(page, demo.coordinator);
  await page.goto("/");
  const links: Array<{ href: string; count: number }> = [];
  for (const id of ["overdue-count", "due-soon-count", "pending-count"]) {
    const link = page.getByTestId(id).getByRole("link");
    links.push({ href: (await link.getAttribute("href"))!, count: Number((await link.innerText()).replace(/\D/g, "")) });
  }
  for (const bar of await page.locator("figure.chart a.chart-link").all()) {
    // The bar's accessible name is its visible text, «label value».
    await expect(bar).toHaveAccessibleName(/ \d[\d\s]*$/);
    const value = (await bar.locator(".chart-value").textContent())!;
    links.push({ href: (await bar.getAttribute("href"))!, count: Number(value.replace(/\D/g, "")) });
  }
  // Three numbers, and one bar per status and per NIEM area; not vacuous: some are not zero.
  expect(links.length).toBeGreaterThan(10);
  expect(links.filter((l) => l.count > 0).length).toBeGreaterThan(3);
  for (const { href, count } of links) {
    await page.goto(href);
    expect(await totalOn(page), href).toBe(count);
  }
  // And a click on a bar follows it.
  await page.goto("/");
  const firstBar = page.locator("figure.chart a.chart-link").first();
  const href = (await firstBar.getAttribute("href"))!;
  await firstBar.click();
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[?]/g, "\\?")}$`));
});

test("every count of the report leads to a list of exactly that many commitments", async ({ page }) => {
  // Every link of every table (the thirteen dimensions too) is followed: more than the default 30 s.
  test.setTimeout(120_000);
  await signIn(page, demo.manager);
  await page.goto("/reports");
  const links: Array<{ href: string; count: number }> = [];
  for (const link of await page.locator("table.report-table td a").all()) {
    links.push({ href: (await link.getAttribute("href"))!, count: Number((await link.innerText()).replace(/\D/g, "")) });
  }
  expect(links.length).toBeGreaterThan(50);
  expect(links.filter((l) => l.count > 0).length).toBeGreaterThan(20);
  // A sample across the tables (every link is followed in tests/integration/report-links.test.ts).
  const sample = links.filter((_, i) => i % 7 === 0);
  for (const { href, count } of sample) {
    await page.goto(href);
    expect(await totalOn(page), href).toBe(count);
  }
});

test("«/» focuses the header search from any page, not while typing; Escape leaves it", async ({ page }) => {
  await signIn(page, demo.coordinator);
  const search = page.locator("header").getByRole("combobox");
  for (const path of ["/", "/organizations", "/follow-ups"]) {
    await page.goto(path);
    await page.locator("main h1").first().click();
    await page.keyboard.press("/");
    await expect(search, path).toBeFocused();
    await expect(search).toHaveValue("");
    await page.keyboard.press("Escape");
    await expect(search).not.toBeFocused();
  }
  // Typing «/» in a field types it.
  await page.goto("/organizations");
  const field = page.locator("main").getByRole("searchbox");
  await field.click();
  await page.keyboard.type("a/b");
  await expect(field).toHaveValue("a/b");
  await expect(search).not.toBeFocused();
});

worldTest("a partner reads «Споделено със …» and sees a past-due commitment flagged like a task", async ({ page, world, signInAs }) => {
  const organization = world.organization(`Зорница ${Date.now()}`);
  const partner = world.partner(organization);
  const late = world.sharedCommitment(organization);
  const onTime = world.sharedCommitment(organization);
  world.query("UPDATE commitments SET due_on = '2020-01-31', status = 'in_progress' WHERE id = ? RETURNING id", late.id);
  world.query("UPDATE commitments SET due_on = '2099-01-31' WHERE id = ? RETURNING id", onTime.id);
  await signInAs(partner.email);
  await page.goto("/shared");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Споделено със ${organization.name}`);
  await expect(page.locator(`#commitment-${late.id}`)).toContainText("31.01.2020");
  await expect(page.locator(`#commitment-${late.id} .badge-overdue`)).toBeVisible();
  await expect(page.locator(`#commitment-${onTime.id} .badge-overdue`)).toHaveCount(0);
});

test("event dates in a filter's options are written as the user writes dates", async ({ page }) => {
  await signIn(page, demo.coordinator);
  await page.goto("/commitments");
  const options = await page.locator('main select[name="event"] option').allInnerTexts();
  expect(options.length).toBeGreaterThan(1);
  for (const option of options.slice(1)) {
    expect(option).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(option).toMatch(/\(\d{2}\.\d{2}\.\d{4}\)$/);
  }
});
