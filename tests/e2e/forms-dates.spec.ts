// Issue 14, point 3: whatever a user types into a date field is either taken as the date they
// meant or refused beside the field, in Bulgarian and in the format the screen uses
// (ДД.ММ.ГГГГ), with what they typed kept. Every date field of every form gets the same four
// values, typed key by key as a person types them (the browser's locale is bg-BG).
import os from "node:os";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { demo, demoData, demoName, saveSignIn } from "./fixtures.ts";

const IMPOSSIBLE = ["31.02.2022", "2022-02-31", "29.02.2023"];
const LEAP_DAY = "29.02.2024";
const unique = Date.now().toString(36);
const state = path.join(os.tmpdir(), `bcrm-e2e-${process.env.E2E_PORT ?? 3100}-dates-coordinator.json`);

test.beforeAll(async ({ browser }) => saveSignIn(browser, demo.coordinator, state));
test.use({ storageState: state });

/** Clears the field and types the value key by key, as a person does. */
async function typeInto(field: Locator, value: string) {
  await field.click();
  await field.press("Control+a");
  await field.press("Backspace");
  await field.pressSequentially(value);
}

/**
 * Types each impossible date into every date field, submits once per value, and checks it is
 * refused beside each field with the value kept and nothing saved; then types 29.02.2024 and
 * submits, which must be accepted.
 */
async function checkDateFields(page: Page, fields: Locator[], submit: () => Promise<void>, stayOn: RegExp) {
  for (const value of IMPOSSIBLE) {
    for (const field of fields) await typeInto(field, value);
    await submit();
    for (const field of fields) {
      await expect(field, `${value} is refused, not dropped`).toHaveAttribute("aria-invalid", "true");
      await expect(field).toHaveAccessibleDescription(/Няма такава дата.*ДД\.ММ\.ГГГГ/);
      await expect(field, "what the user typed stays in the field").toHaveValue(value);
    }
    await expect(page).toHaveURL(stayOn);
    await expect(page.getByText("Записът е създаден.")).toHaveCount(0);
    await expect(page.getByText("Задължително поле.")).toHaveCount(0);
  }
  for (const field of fields) await typeInto(field, LEAP_DAY);
  await submit();
}

const save = (page: Page) => () => page.getByRole("button", { name: "Запази" }).click();

test("commitment due date: impossible dates are refused in ДД.ММ.ГГГГ, 29.02.2024 is saved and shown back as typed", async ({ page }) => {
  const title = `Ангажимент с дата ${unique}`;
  await page.goto("/commitments/new");
  await page.getByLabel("Ангажимент", { exact: false }).first().fill(title);
  await page.locator("#field-leadOrganizationId").selectOption({ label: demoName(demoData.organizations.sofiaMunicipality) });
  await page.locator("#field-niemDimension").selectOption("housing");
  await page.locator("#field-kind").selectOption("service");
  const due = page.getByLabel("Срок");
  await expect(due, "the field says which format it wants").toHaveAccessibleDescription(/ДД\.ММ\.ГГГГ/);
  await checkDateFields(page, [due], save(page), /\/commitments\/new$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator("dl.details")).toContainText(LEAP_DAY);

  // The edit form shows the stored date in the same format; an impossible one does not erase it.
  await page.getByRole("link", { name: "Редактирай" }).first().click();
  await expect(page.getByLabel("Срок")).toHaveValue(LEAP_DAY);
  await checkDateFields(page, [page.getByLabel("Срок")], save(page), /\/commitments\/\d+\/edit$/);
  await expect(page.getByText("Промените са запазени.")).toBeVisible();
  await expect(page.locator("dl.details")).toContainText(LEAP_DAY);
});

test("follow-up due date: an impossible date is not «Задължително поле.» but a date error; 29.02.2024 is saved", async ({ page }) => {
  const title = `Задача с дата ${unique}`;
  await page.goto("/follow-ups/new");
  await page.getByLabel("Задача", { exact: false }).first().fill(title);
  await checkDateFields(page, [page.getByLabel("Срок")], save(page), /\/follow-ups\/new$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator("dl.details").first()).toContainText(LEAP_DAY);
});

test("partnership start and end: both refused on impossible dates, both kept on 29.02.2024", async ({ page }) => {
  const title = `Партньорство с дати ${unique}`;
  await page.goto("/partnerships/new");
  await page.getByLabel("Наименование").fill(title);
  await page.getByLabel("Вид").selectOption("implementation");
  await page.getByLabel("Състояние").selectOption("active");
  await checkDateFields(page, [page.getByLabel("Начало"), page.getByLabel("Край")], save(page), /\/partnerships\/new$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator("dl.details").getByText(LEAP_DAY)).toHaveCount(2);
});

test("event start and end: impossible dates refused, 29.02.2024 saved", async ({ page }) => {
  const title = `Среща с дата ${unique}`;
  await page.goto("/events/new");
  await page.getByLabel("Заглавие").fill(title);
  await page.getByLabel("Вид").selectOption({ index: 1 });
  await checkDateFields(page, [page.getByLabel("Начало"), page.getByLabel("Край")], save(page), /\/events\/new$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator("dl.details").getByText(LEAP_DAY)).toHaveCount(2);
});

test("interaction date: impossible dates refused, 29.02.2024 saved", async ({ page }) => {
  const subject = `Разговор с дата ${unique}`;
  await page.goto("/organizations");
  await page.locator("tbody a[href^='/organizations/']").first().click();
  await expect(page).toHaveURL(/\/organizations\/\d+$/);
  const organizationId = page.url().match(/\/organizations\/(\d+)$/)![1];
  await page.goto(`/interactions/new?organizationId=${organizationId}`);
  await page.getByLabel("Тема").fill(subject);
  await checkDateFields(page, [page.getByRole("textbox", { name: "Дата", exact: true })], save(page), /\/interactions\/new/);
  await expect(page).toHaveURL(new RegExp(`/organizations/${organizationId}`));
  await expect(page.locator("li, tr", { hasText: subject }).first()).toContainText(LEAP_DAY);
});

test("refugee consent dates: given on and valid until refused on impossible dates, 29.02.2024 recorded", async ({ page }) => {
  await page.goto("/refugees/new");
  await page.getByLabel("Име или псевдоним").fill(`Контакт ${unique}`);
  await save(page)();
  await expect(page).toHaveURL(/\/refugees\/\d+$/);
  await page.reload(); // without the «created» notice, which the checks below look for
  const consent = page.getByRole("form", { name: "Ново съгласие" });
  await consent.getByLabel("Участие във форума и събития").check();
  await checkDateFields(
    page,
    [consent.getByLabel("Дадено на"), consent.getByLabel("Валидно до")],
    () => consent.getByRole("button", { name: "Запиши съгласие" }).click(),
    /\/refugees\/\d+(\?index)?$/,
  );
  await expect(page.locator("table", { hasText: "Дадено на" }).locator("tbody tr").first()).toContainText(LEAP_DAY);
});

test("report period filter: impossible dates are refused beside the filter, 29.02.2024 is applied as typed", async ({ page }) => {
  await page.goto("/reports");
  const from = page.getByLabel("От дата");
  const to = page.getByLabel("До дата");
  await checkDateFields(page, [from, to], () => page.getByRole("button", { name: "Покажи" }).click(), /\/reports/);
  await expect(page).toHaveURL(/from=29\.02\.2024/);
  await expect(from).toHaveValue(LEAP_DAY);
  await expect(to).toHaveValue(LEAP_DAY);
  await expect(from).not.toHaveAttribute("aria-invalid", "true");
});
