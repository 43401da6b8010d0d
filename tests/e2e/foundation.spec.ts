// Foundation journeys: each role signs in and lands right; organizations end to end in a real browser.
import { expect, test } from "@playwright/test";
import { demo, demoData, demoUrl, navigationLinks, PASSWORD, signIn, signOut } from "./fixtures.ts";

test.describe("signing in", () => {
  test("each demo role lands on the right page with only its own navigation", async ({ page }) => {
    const expectations: Array<{ email: string; url: RegExp; has: string[]; hasNot: string[] }> = [
      { email: demo.admin, url: /\/$/, has: ["Организации", "Потребители", "Одит"], hasNot: ["Споделено с нас"] },
      { email: demo.manager, url: /\/$/, has: ["Организации"], hasNot: ["Потребители", "Одит", "Споделено с нас"] },
      { email: demo.coordinator, url: /\/$/, has: ["Организации"], hasNot: ["Потребители", "Одит", "Споделено с нас"] },
      { email: demo.partnerSofia, url: /\/shared$/, has: ["Споделено с нас"], hasNot: ["Организации", "Потребители", "Одит", "Табло"] },
    ];
    for (const e of expectations) {
      await signIn(page, e.email);
      await expect(page).toHaveURL(e.url);
      const links = await navigationLinks(page);
      for (const label of e.has) expect(links, `${e.email} sees ${label}`).toContain(label);
      for (const label of e.hasNot) expect(links, `${e.email} does not see ${label}`).not.toContain(label);
      await signOut(page);
    }
  });

  test("a wrong password shows a clear message that does not say which field was wrong", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Имейл").fill(demo.manager);
    await page.getByLabel("Парола").fill("not-the-password");
    await page.getByRole("button", { name: "Вход" }).click();
    await expect(page.getByRole("alert")).toHaveText("Грешен имейл или парола.");
    await expect(page.getByLabel("Имейл")).toHaveValue(demo.manager);
  });

  test("a partner opening another organization's page gets 404", async ({ page }) => {
    await signIn(page, demo.partnerSofia);
    const response = await page.goto(demoUrl(demoData.organizations.redCross));
    expect(response?.status()).toBe(404);
    expect((await page.goto("/organizations"))?.status()).toBe(404);
  });

  test("sign-out really ends the session: the back button does not bring the app back", async ({ page }) => {
    await signIn(page, demo.coordinator);
    await signOut(page);
    await page.goto("/organizations");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Forganizations/);
  });
});

test.describe("organizations", () => {
  test("a coordinator creates an organization with Cyrillic and <script>, sees it escaped, then edits it", async ({ page }) => {
    await signIn(page, demo.coordinator);
    await page.goto("/organizations/new");
    const name = `Сдружение „Нов дом“ <script>alert(1)</script> ${Date.now()}`;
    // An empty name and a bad e-mail are refused beside their fields, keeping what was typed.
    await page.getByLabel("Имейл").fill("не-е-имейл");
    await page.getByLabel("Община").fill("Харманли");
    await page.getByRole("button", { name: "Запази" }).click();
    await expect(page.getByLabel("Наименование")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Задължително поле.").first()).toBeVisible();
    await expect(page.getByText("Невалиден имейл адрес.")).toBeVisible();
    await expect(page.getByLabel("Община")).toHaveValue("Харманли");

    await page.getByLabel("Наименование").fill(name);
    await page.getByLabel("Вид").selectOption("ngo");
    await page.getByLabel("Област").selectOption("BG-26");
    await page.getByLabel("Имейл").fill("office@novdom.example");
    await page.getByRole("button", { name: "Запази" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(page.getByRole("status")).toHaveText("Записът е създаден.");

    await page.getByRole("link", { name: "Редактирай" }).click();
    await page.getByLabel("Телефон").fill("+359 888 123 456");
    await page.getByRole("button", { name: "Запази" }).click();
    await expect(page.locator("dl.details").getByText("+359 888 123 456")).toBeVisible();
    await expect(page.getByRole("status")).toHaveText("Промените са запазени.");
  });

  test("a stale edit from a second tab is refused and loses nothing", async ({ browser }) => {
    const context = await browser.newContext();
    const first = await context.newPage();
    await signIn(first, demo.coordinator);
    await first.goto("/organizations/new");
    await first.getByLabel("Наименование").fill(`Фондация „Два раздела“ ${Date.now()}`);
    await first.getByLabel("Вид").selectOption("ngo");
    await first.getByRole("button", { name: "Запази" }).click();
    await expect(first).toHaveURL(/\/organizations\/\d+$/);
    const editUrl = `${first.url()}/edit`;
    const second = await context.newPage();
    await first.goto(editUrl);
    await second.goto(editUrl);
    await first.getByLabel("Описание").fill("от първия раздел");
    await first.getByRole("button", { name: "Запази" }).click();
    await expect(first.getByRole("status")).toBeVisible();
    await second.getByLabel("Описание").fill("от втория раздел");
    await second.getByRole("button", { name: "Запази" }).click();
    await expect(second.getByRole("alert")).toContainText("междувременно е променен");
    await expect(second.getByLabel("Описание")).toHaveValue("от втория раздел");
    await expect(second.getByText("от първия раздел")).toBeVisible();
    await context.close();
  });

  test("the list filtered, sorted and paged by URL gives the same rows after reload, in Bulgarian order", async ({ page }) => {
    await signIn(page, demo.manager);
    await page.goto("/organizations?archived=all&sort=name&dir=asc&perPage=10&page=2");
    const names = () => page.locator(".data-table tbody tr td:first-child").allInnerTexts();
    const before = await names();
    expect(before).toHaveLength(10);
    await page.reload();
    expect(await names()).toEqual(before);
    const collator = new Intl.Collator("bg", { ignorePunctuation: true, sensitivity: "base" });
    const clean = before.map((n) => n.replace(/Архивирана$/, "").trim());
    expect(clean).toEqual([...clean].sort(collator.compare));
    await page.getByRole("link", { name: /Вид/ }).click();
    await expect(page).toHaveURL(/sort=kind/);
  });

  test("the language switch shows English and is remembered for the user", async ({ page }) => {
    await signIn(page, demo.manager);
    await page.getByRole("button", { name: "EN" }).click();
    await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
    await signOut(page);
    await signIn(page, demo.manager, PASSWORD);
    await expect(page.getByRole("link", { name: "Organizations" })).toBeVisible();
    await page.getByRole("button", { name: "BG" }).click();
    await expect(page.getByRole("link", { name: "Организации" })).toBeVisible();
  });
});

test("/healthz answers 200 and reports the database", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { ok: true } });
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});
