// A coordinator keeps a refugee contact under GDPR: creates it, records consent, erases it on request.
import { expect, test } from "@playwright/test";
import { demo, demoData, demoName, signIn } from "./fixtures.ts";

test("coordinator creates a refugee contact, records consent, then erases it with confirmation; the list shows the neutral label", async ({ page }) => {
  const unique = Date.now().toString(36);
  const name = `Самира Е2Е ${unique}`;

  await signIn(page, demo.coordinator);
  await page.getByRole("navigation", { name: "Основна навигация" }).getByRole("link", { name: "Бежанци" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Контакти с бежанци");
  await page.getByRole("link", { name: "Нов контакт" }).click();

  // A refused save explains itself and keeps what was typed.
  await page.getByLabel("Езици").fill("арабски, английски");
  await page.getByRole("button", { name: "Запази" }).click();
  await expect(page.getByLabel("Име или псевдоним")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Задължително поле.")).toBeVisible();
  await expect(page.getByLabel("Езици")).toHaveValue("арабски, английски");

  await page.getByLabel("Име или псевдоним").fill(name);
  await page.getByLabel("Страна на произход").fill("Сирия");
  await page.getByLabel("Предпочитан канал за връзка").selectOption("signal");
  await page.getByLabel("Данни за връзка").fill(`+359 88 ${unique.slice(-6)}`);
  await page.getByLabel("Бележки").fill("Иска да разкаже за работата си като медиатор.");
  await page.getByRole("button", { name: "Запази" }).click();

  // Its page: no consent yet, so flagged.
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Без текущо съгласие");
  const contactUrl = page.url();
  const id = contactUrl.split("/").pop();

  // Record consent to forum participation.
  const consentForm = page.getByRole("form", { name: "Ново съгласие" });
  await consentForm.getByLabel("Участие във форума и събития").check();
  await consentForm.getByRole("button", { name: "Запиши съгласие" }).click();
  await expect(page.getByRole("status")).toHaveText("Съгласието е записано.");
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText("Без текущо съгласие");
  const consentRow = page.locator("table.consents tbody tr").first();
  await expect(consentRow).toContainText("Участие във форума и събития");
  await expect(consentRow).toContainText("текущо");

  // Erase: a confirmation step that insists on the explicit "irreversible".
  await page.getByRole("link", { name: "Изтриване (ОРЗД)" }).click();
  await expect(page.getByText("Изтриването е необратимо.")).toBeVisible();
  await page.getByRole("button", { name: "Изтрий окончателно" }).click();
  await expect(page.getByText("Потвърдете, че разбирате, че изтриването е необратимо.")).toBeVisible();
  await page.getByLabel("Разбирам, че това е необратимо").check();
  await page.getByRole("button", { name: "Изтрий окончателно" }).click();
  await expect(page.getByRole("status")).toHaveText("Личните данни на контакта са изтрити.");
  await expect(page).toHaveURL(contactUrl);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Изтрит контакт #${id}`);
  await expect(page.locator("main")).not.toContainText(name);
  await expect(page.getByRole("link", { name: "Редактирай" })).toHaveCount(0);

  // The list shows the neutral label, and the former name finds nothing.
  await page.goto("/refugees?q=" + encodeURIComponent("Изтрит"));
  await expect(page.getByRole("link", { name: `Изтрит контакт #${id}` })).toBeVisible();
  await page.goto("/refugees?q=" + encodeURIComponent(name));
  await expect(page.getByText("Няма записи, които да отговарят на търсенето.")).toBeVisible();
});

test("on an event page, staff see refugee participants with the consent flag, and adding one without consent is refused", async ({ page }) => {
  await signIn(page, demo.coordinator);
  await page.goto("/events?q=" + encodeURIComponent("2026"));
  await page.getByRole("link", { name: demoName(demoData.events.forum2026) }).click();
  const section = page.getByRole("region", { name: "Участници бежанци" });
  await expect(section).toContainText("Няма участници бежанци.");

  await section.getByLabel("Контакт").selectOption({ label: `${demoName(demoData.refugees.hamid)} (Без текущо съгласие)` });
  await section.getByLabel("Роля").selectOption("speaker");
  await section.getByRole("button", { name: "Добави участник" }).click();
  await expect(section.getByRole("alert")).toHaveText(
    "Контактът няма текущо съгласие за: Участие във форума и събития. Запишете съгласие, преди да го добавите към събитието.",
  );
  await expect(section).toContainText("Няма участници бежанци.");

  await section.getByLabel("Контакт").selectOption({ label: demoName(demoData.refugees.olena) });
  await section.getByLabel("Роля").selectOption("participant");
  await section.getByRole("button", { name: "Добави участник" }).click();
  // Олена К. consents to follow-up contact only: refused too.
  await expect(section.getByRole("alert")).toContainText("Участие във форума и събития");

  await section.getByLabel("Контакт").selectOption({ label: demoName(demoData.refugees.ahmad) });
  await section.getByLabel("Роля").selectOption("speaker");
  await section.getByRole("button", { name: "Добави участник" }).click();
  await expect(page.getByRole("status")).toHaveText("Участникът е добавен.");
  await expect(section.getByRole("row", { name: /Ахмад Р\./ })).toContainText("Говорител");
});
