// Change histories speak the user's language: field labels instead of column names, names
// instead of ids, enumeration labels and dates as the record's page shows them.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { demo, demoData, demoName, signIn, signOut } from "./fixtures.ts";

/** A camelCase identifier (leadOrganizationId, coPledgerIds, statusVerified…) in visible text. */
const CAMEL_CASE = /\b[a-z]+[A-Z][A-Za-z]*\b/g;
// coordinator2: the language switch below is stored on the user; other journeys expect the first coordinator in Bulgarian.
const COORDINATOR = "coordinator2@bcrm.demo";

async function camelCaseIn(locator: Locator): Promise<string[]> {
  return (await locator.innerText()).match(CAMEL_CASE) ?? [];
}

async function switchLanguage(page: Page, to: "EN" | "BG") {
  await page.locator("header").getByRole("button", { name: to, exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", to.toLowerCase());
}

test("a commitment changed in every field shows its history with labels, names and dates, in both languages", async ({ page }) => {
  const title = `Езикови курсове за възрастни (история ${Date.now()})`;
  await signIn(page, COORDINATOR);

  // Created…
  await page.goto("/commitments/new");
  await page.locator("#field-title").fill(title);
  await page.locator("#field-leadOrganizationId").selectOption({ label: demoName(demoData.organizations.sofiaMunicipality) });
  await page.locator("#field-niemDimension").selectOption("housing");
  await page.locator("#field-kind").selectOption("service");
  await page.getByRole("button", { name: "Запази" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const commitmentUrl = page.url();

  // …then every field of the form changed at once.
  await page.getByRole("link", { name: "Редактирай" }).click();
  await expect(page).toHaveURL(/\/edit$/);
  await page.locator("#field-title").fill(`${title} – разширен`);
  await page.getByLabel("Описание").fill("Два курса седмично в читалище „Славянска беседа“.");
  await page.locator("#field-leadOrganizationId").selectOption({ label: demoName(demoData.organizations.redCross) });
  await page.locator("#field-coPledgerIds").selectOption({ label: demoName(demoData.organizations.sofiaMunicipality) });
  const forum2021 = await page.locator("#field-eventId option", { hasText: "30.11.2021" }).getAttribute("value");
  await page.locator("#field-eventId").selectOption(forum2021!);
  await page.locator("#field-partnershipId").selectOption({ index: 1 });
  await page.locator("#field-niemDimension").selectOption("employment");
  await page.locator("#field-kind").selectOption("training");
  await page.getByLabel("Срок").fill("2027-03-31");
  await page.locator("#field-ownerId").selectOption({ index: 1 });
  await page.getByRole("checkbox", { name: /Споделен с организацията/ }).check();
  await page.getByRole("button", { name: "Запази" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${title} – разширен` })).toBeVisible();

  // A progress update that changes the status…
  const timeline = page.getByRole("region", { name: "Хронология на напредъка" });
  await timeline.getByLabel("Бележка").fill("Първата група започна.");
  await timeline.getByLabel("Промяна на статуса").selectOption("in_progress");
  await timeline.getByRole("button", { name: "Добави актуализация" }).click();
  await expect(page.getByTestId("commitment-status")).toHaveText("В изпълнение");
  await signOut(page);

  // …a partner's self-report (the status becomes unverified)…
  await signIn(page, demo.partnerSofia);
  await page.getByRole("link", { name: `${title} – разширен` }).click();
  await page.getByLabel("Какво е направено").fill("Курсовете завършиха.");
  await page.getByLabel("Предложен статус").selectOption("fulfilled");
  await page.getByRole("button", { name: "Изпрати доклада" }).click();
  await expect(page.getByRole("status")).toHaveText("Докладът е изпратен. Координатор на БСБМ ще го потвърди.");
  await signOut(page);

  // …which staff verify.
  await signIn(page, COORDINATOR);
  await page.goto("/partner-updates");
  await page.locator("tr", { hasText: "Курсовете завършиха." }).getByRole("button", { name: /^Потвърди доклада/ }).click();
  await expect(page.getByRole("status")).toHaveText("Докладът е потвърден.");

  await page.goto(commitmentUrl);
  const history = page.getByRole("region", { name: "История на промените" });
  await expect(history.getByRole("listitem").first()).toBeVisible();
  expect(await camelCaseIn(history)).toEqual([]);
  await expect(history).toContainText("Водеща организация: Столична община → Български Червен кръст");
  await expect(history).toContainText("Съвместно поели ангажимента: — → Столична община");
  await expect(history).toContainText("Срок: — → 31.03.2027");
  await expect(history).toContainText("Вид: Услуга → Обучение");
  await expect(history).toContainText("Измерение на интеграцията (НИЕМ): Жилищно настаняване → Заетост");
  await expect(history).toContainText("Споделен с организацията, поела ангажимента: Не → Да");
  await expect(history).toContainText("Статусът е потвърден от БСБМ: Да → Не");
  await expect(history).toContainText("Статусът е потвърден от БСБМ: Не → Да");
  await expect(history).toContainText("Статус: Поет → В изпълнение");
  await expect(history).toContainText("Актуализация: — → Бележка: Първата група започна.; Промяна на статуса: В изпълнение");

  // The dashboard's recent changes use the same words.
  await page.goto("/");
  const activity = page.locator("ul.history");
  await expect(activity.getByText("Водеща организация: Столична община → Български Червен кръст")).toBeVisible();
  expect(await camelCaseIn(activity)).toEqual([]);

  // In English: English labels and values, dates as English pages write them.
  await switchLanguage(page, "EN");
  try {
    await expect(page.locator("ul.history").getByText("Lead organization: Столична община → Български Червен кръст")).toBeVisible();
    expect(await camelCaseIn(page.locator("ul.history"))).toEqual([]);
    await page.goto(commitmentUrl);
    const english = page.getByRole("region", { name: "Change history" });
    await expect(english).toContainText("Due: — → 31/03/2027");
    await expect(english).toContainText("Status verified by BCRM: Yes → No");
    expect(await camelCaseIn(english)).toEqual([]);
  } finally {
    await switchLanguage(page, "BG");
  }
});
