// A coordinator adds a contact at an organization and logs a meeting from the organization's page.
import { expect, test } from "@playwright/test";
import { demo, demoData, demoName, signIn } from "./fixtures.ts";

test("coordinator creates a person at an organization, logs an interaction from its page, and sees both there", async ({ page }) => {
  const unique = Date.now().toString(36);
  const personName = `Десислава Тестова ${unique}`;
  const subject = `Среща за езиковите курсове ${unique}`;

  await signIn(page, demo.coordinator);
  await page.goto("/organizations?q=karitas+ruse");
  await page.getByRole("link", { name: demoName(demoData.organizations.caritasRuse) }).click();
  await expect(page.getByRole("heading", { level: 1, name: demoName(demoData.organizations.caritasRuse) })).toBeVisible();
  const organizationUrl = page.url();

  // The "add a person" link opens the form with the organization already chosen.
  await page.getByRole("link", { name: "Добави човек" }).click();
  await expect(page.getByLabel("Организация")).toHaveValue(/\d+/);
  await expect(page.getByLabel("Организация").locator("option:checked")).toHaveText(demoName(demoData.organizations.caritasRuse));
  await page.getByLabel("Име", { exact: false }).first().fill(personName);
  await page.getByLabel("Длъжност").fill("Социален работник");
  await page.getByLabel("Имейл").fill(`d.${unique}@caritas-ruse.example`);
  await page.getByRole("button", { name: "Запази" }).click();
  await expect(page.getByRole("heading", { level: 1, name: personName })).toBeVisible();
  await expect(page.getByRole("link", { name: demoName(demoData.organizations.caritasRuse) })).toBeVisible();

  // Back on the organization's page, log a meeting from there.
  await page.goto(organizationUrl);
  await expect(page.getByRole("region", { name: "Хора" }).getByRole("link", { name: personName })).toBeVisible();
  await page.getByRole("link", { name: "Запиши взаимодействие" }).click();
  await expect(page.getByLabel("Организация")).not.toHaveValue("");
  await page.getByLabel("Вид").selectOption("meeting");
  await page.getByLabel("Дата").fill("2025-03-12");
  await page.getByLabel("Тема").fill(subject);
  await page.getByLabel("Текст").fill("Договорихме два нови курса по български език в Русе.");
  await page.getByLabel("Участници").fill("Елена Димитрова, " + personName);
  await page.getByRole("button", { name: "Запази" }).click();

  // Saved, and back on the organization's page: both the person and the interaction are there.
  await expect(page).toHaveURL(organizationUrl);
  await expect(page.getByText("Взаимодействието е записано.")).toBeVisible();
  const timeline = page.getByRole("region", { name: "Взаимодействия" });
  await expect(timeline.getByText(subject)).toBeVisible();
  await expect(timeline.getByText("12.03.2025")).toBeVisible();
  await expect(page.getByRole("region", { name: "Хора" }).getByRole("link", { name: personName })).toBeVisible();
});

test("coordinator browses people and events, and adds a participant on the 2021 forum's page, which lists its commitments", async ({ page }) => {
  await signIn(page, demo.coordinator);
  await page.getByRole("navigation", { name: "Основна навигация" }).getByRole("link", { name: "Хора" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Хора" })).toBeVisible();
  const filters = page.getByRole("search").filter({ has: page.getByRole("button", { name: "Филтрирай" }) });
  await filters.getByRole("searchbox", { name: "Търсене", exact: true }).fill("ivanova");
  await filters.getByRole("button", { name: "Филтрирай" }).click();
  await expect(page).toHaveURL(/q=ivanova/);
  await expect(page.getByRole("link", { name: "Мария Иванова" })).toBeVisible();

  await page.getByRole("navigation", { name: "Основна навигация" }).getByRole("link", { name: "Събития" }).click();
  await page.getByLabel("Година").selectOption("2021");
  await page.getByRole("button", { name: "Филтрирай" }).click();
  await expect(page).toHaveURL(/year=2021/);
  await page.getByRole("link", { name: /Национален форум .* 2021/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Поети ангажименти" })).toBeVisible();
  await expect(page.getByRole("link", { name: demoName(demoData.commitments.sofiaInfoCenter) })).toBeVisible();

  const participants = page.getByRole("region", { name: "Участници" });
  await participants.getByLabel("Организация").selectOption({ label: demoName(demoData.organizations.caritasRuse) });
  await participants.locator("#field-organizationRole").selectOption("speaker");
  await participants.getByRole("button", { name: "Добави организация" }).click();
  await expect(page.getByText("Участникът е добавен.")).toBeVisible();
  await expect(participants.getByRole("row", { name: /Каритас Русе.*Говорител/ })).toBeVisible();
});
