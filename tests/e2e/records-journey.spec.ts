// Issue 4's journey as a coordinator: a partnership with two member organizations, a commitment made
// at the 2021 forum under it, two progress updates (the second fulfils it), a follow-up linked to the
// commitment, an interaction — and all of it on the organization's page.
import { expect, test } from "@playwright/test";
import { demo, demoData, demoName, signIn, signOut } from "./fixtures.ts";

test("coordinator records a partnership, a forum commitment with its progress, a follow-up and an interaction, and sees them on the organization page", async ({ page }) => {
  const unique = Date.now().toString(36);
  const partnershipTitle = `Партньорство за езикова интеграция ${unique}`;
  const commitmentTitle = `Курсове по български език за възрастни ${unique}`;
  const followUpTitle = `Поискай отчет за курсовете ${unique}`;
  const subject = `Среща за отчета на курсовете ${unique}`;

  await signIn(page, demo.coordinator);

  // 1. The partnership, with two member organizations.
  await page.getByRole("navigation", { name: "Основна навигация" }).getByRole("link", { name: "Партньорства" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Партньорства" })).toBeVisible();
  await page.getByRole("link", { name: "Ново партньорство" }).click();
  await page.getByLabel("Наименование").fill(partnershipTitle);
  await page.getByLabel("Вид").selectOption("implementation");
  await page.getByLabel("Състояние").selectOption("active");
  // End before start is refused beside the end date, with the typed values kept.
  await page.getByLabel("Начало").fill("2022-01-01");
  await page.getByLabel("Край").fill("2021-12-31");
  await page.getByRole("button", { name: "Запази" }).click();
  await expect(page.getByText("Краят не може да е преди началото.")).toBeVisible();
  await expect(page.getByLabel("Наименование")).toHaveValue(partnershipTitle);
  await page.getByLabel("Край").fill("2023-12-31");
  await page.getByRole("button", { name: "Запази" }).click();
  await expect(page.getByRole("heading", { level: 1, name: partnershipTitle })).toBeVisible();

  for (const [organization, role] of [[demoName(demoData.organizations.sofiaMunicipality), "lead"], [demoName(demoData.organizations.redCross), "partner"]] as const) {
    await page.locator("#member-organization").selectOption({ label: organization });
    await page.locator("#member-role").selectOption(role);
    await page.getByRole("button", { name: "Добави член" }).click();
    await expect(page.getByText("Организацията е добавена към партньорството.")).toBeVisible();
    await expect(page.getByRole("region", { name: "Членове" }).getByRole("link", { name: organization })).toBeVisible();
  }

  // 2. A commitment made at the 2021 forum, under the partnership.
  await page.getByRole("link", { name: "Добави ангажимент" }).click();
  await expect(page.locator("#field-partnershipId option:checked")).toHaveText(partnershipTitle);
  await page.getByLabel("Ангажимент", { exact: false }).first().fill(commitmentTitle);
  await page.locator("#field-leadOrganizationId").selectOption({ label: demoName(demoData.organizations.sofiaMunicipality) });
  await page.locator("#field-coPledgerIds").selectOption({ label: demoName(demoData.organizations.redCross) });
  const forum2021 = await page.locator("#field-eventId option", { hasText: "30.11.2021" }).getAttribute("value");
  await page.locator("#field-eventId").selectOption(forum2021!);
  await page.locator("#field-niemDimension").selectOption("language_orientation");
  await page.locator("#field-kind").selectOption("service");
  await page.getByLabel("Срок").fill("2022-06-30");
  await page.getByLabel("Споделен с организацията, поела ангажимента").check();
  await page.getByRole("button", { name: "Запази" }).click();
  await expect(page.getByRole("heading", { level: 1, name: commitmentTitle })).toBeVisible();
  await expect(page.getByTestId("commitment-status")).toHaveText("Поет");
  await expect(page.getByRole("link", { name: partnershipTitle })).toBeVisible();

  // 3. Two progress updates; the second fulfils it.
  const timeline = page.getByRole("region", { name: "Хронология на напредъка" });
  await timeline.getByLabel("Бележка").fill("Първите две групи започнаха в читалище „Славянска беседа“.");
  await timeline.getByLabel("Промяна на статуса").selectOption("in_progress");
  await timeline.getByRole("button", { name: "Добави актуализация" }).click();
  await expect(page.getByText("Актуализацията е добавена.")).toBeVisible();
  await expect(page.getByTestId("commitment-status")).toHaveText("В изпълнение");

  await timeline.getByLabel("Бележка").fill("Курсовете завършиха: 48 участници получиха сертификат.");
  await timeline.getByLabel("Промяна на статуса").selectOption("fulfilled");
  await timeline.getByLabel("Доказателство (връзка)").fill("https://www.sofia.bg/kursove-bulgarski-ezik");
  await timeline.getByRole("button", { name: "Добави актуализация" }).click();
  await expect(page.getByTestId("commitment-status")).toHaveText("Изпълнен");
  await expect(timeline.getByRole("listitem")).toHaveCount(2);
  await expect(timeline.getByRole("link", { name: "https://www.sofia.bg/kursove-bulgarski-ezik" })).toBeVisible();

  // 4. A follow-up linked to the commitment (opened from its page: the links are pre-filled).
  await page.getByRole("link", { name: "Добави задача" }).click();
  await expect(page.locator("#field-commitmentId option:checked")).toHaveText(commitmentTitle);
  await expect(page.locator("#field-organizationId option:checked")).toHaveText("Столична община");
  await page.getByLabel("Задача", { exact: false }).first().fill(followUpTitle);
  await page.getByRole("button", { name: "Запази" }).click();
  await expect(page.getByRole("heading", { level: 1, name: followUpTitle })).toBeVisible();
  await expect(page.getByRole("link", { name: commitmentTitle })).toBeVisible();

  // 5. An interaction, logged from the organization's page.
  await page.getByRole("link", { name: demoName(demoData.organizations.sofiaMunicipality), exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: demoName(demoData.organizations.sofiaMunicipality) })).toBeVisible();
  const organizationUrl = page.url();
  await page.getByRole("link", { name: "Запиши взаимодействие" }).click();
  await page.getByLabel("Вид").selectOption("meeting");
  await page.getByLabel("Дата").fill("2022-07-05");
  await page.getByLabel("Тема").fill(subject);
  await page.getByLabel("Текст").fill("Обсъдихме отчета и следващия прием.");
  await page.getByRole("button", { name: "Запази" }).click();

  // 6. All of it on the organization's page.
  await expect(page).toHaveURL(organizationUrl);
  await expect(page.getByRole("region", { name: "Партньорства" }).getByRole("link", { name: partnershipTitle })).toBeVisible();
  await expect(page.getByRole("region", { name: "Ангажименти" }).getByRole("link", { name: commitmentTitle })).toBeVisible();
  await expect(page.getByRole("region", { name: "Задачи" }).getByRole("link", { name: followUpTitle })).toBeVisible();
  await expect(page.getByRole("region", { name: "Взаимодействия" }).getByText(subject)).toBeVisible();

  // The co-pledging organization sees the joint commitment too: its partner user, on /shared and in search.
  await signOut(page);
  await signIn(page, demo.partnerRedCross);
  await expect(page).toHaveURL(/\/shared$/);
  const sharedRow = page.locator("tr", { hasText: commitmentTitle });
  await expect(sharedRow).toContainText("Съвместен ангажимент");
  await expect(sharedRow.locator(".commitment-status")).toContainText("Изпълнен");
  await page.goto("/search?q=" + encodeURIComponent(commitmentTitle));
  const hit = page.getByRole("link", { name: commitmentTitle });
  await expect(hit).toBeVisible();
  expect(await hit.getAttribute("href")).toMatch(/^\/shared\/commitments\/\d+$/);
  await hit.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(commitmentTitle);
  await expect(page.getByText("Курсовете завършиха: 48 участници получиха сертификат.")).toBeVisible();
});
