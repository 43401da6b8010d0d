// Issue 13, point 3 ("Safe at the boundary"): uploads survive ordinary file names, in Chromium
// against the production server. A partner's evidence named with =, ;, quotes, Cyrillic, emoji or
// 200 characters is kept with the note; a coordinator imports contacts=2023.csv and undoes it by
// clicking Undo (a url-encoded form the old multipart-only action refused).
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { demo, demoData, demoName, signIn } from "./fixtures.ts";

// A shared Sofia commitment no other journey reports on.
const COMMITMENT = demoName(demoData.commitments.sofiaRedcrossLanguage);
const pdf = fs.readFileSync(path.resolve("tests/fixtures/evidence.pdf"));
const evidenceNames = [
  "Отчет 2023=финален.pdf",
  "report;final.pdf",
  `"Final" report's copy.pdf`,
  "Доклад 🎉 2023 (окончателен).pdf",
  [...`"Годишен" доклад за курсовете=2023; 🎉 ${"я".repeat(200)}`].slice(0, 196).join("") + ".pdf",
];

test("issue 13 point 3: a partner uploads evidence named with =, ;, quotes, Cyrillic, emoji and 200 characters, each kept with the note", async ({ page }) => {
  expect([...evidenceNames.at(-1)!].length).toBe(200);
  await signIn(page, demo.partnerSofia);
  await page.getByRole("link", { name: COMMITMENT }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(COMMITMENT);
  const commitmentUrl = page.url();

  for (const [i, name] of evidenceNames.entries()) {
    const note = `Доклад ${i + 1} (e2e ${Date.now()}) с файла ${name}`;
    await page.getByLabel("Какво е направено").fill(note);
    await page.getByLabel("Файл с доказателство").setInputFiles({ name, mimeType: "application/pdf", buffer: pdf });
    await page.getByRole("button", { name: "Изпрати доклада" }).click();
    await expect(page.getByRole("status")).toHaveText("Докладът е изпратен. Координатор на БСБМ ще го потвърди.");
    expect(page.url()).toBe(commitmentUrl);
    const entry = page.locator(".timeline-entry", { hasText: note });
    await expect(entry).toHaveCount(1);
    await expect(entry.getByRole("link", { name: `Файл: ${name}`, exact: true })).toBeVisible();
  }

  // The file comes back under its name (a PDF opens in the browser: its link opens a new tab).
  const href = await page.getByRole("link", { name: `Файл: ${evidenceNames[0]}`, exact: true }).getAttribute("href");
  const file = await page.request.get(href!);
  expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(file.headers()["content-disposition"] ?? "")?.[1] ?? "")).toBe(evidenceNames[0]);
  expect((await file.body()).equals(pdf)).toBe(true);
});

test("issue 13 point 3: a coordinator imports contacts=2023.csv and undoes it by clicking Undo", async ({ page }) => {
  const organization = "Сдружение „Ново начало 2023“";
  await signIn(page, demo.coordinator);
  await page.getByRole("navigation", { name: "Основна навигация" }).getByRole("link", { name: "Импорт" }).click();
  await expect(page).toHaveURL(/\/imports$/);
  await page.getByLabel("Какво импортирате").selectOption("organizations");
  await page.getByLabel("CSV файл").setInputFiles(path.resolve("tests/fixtures/contacts=2023.csv"));
  await page.getByRole("button", { name: "Прочети файла" }).click();

  await expect(page).toHaveURL(/\/imports\/\d+$/);
  await expect(page.getByRole("heading", { name: "Преглед преди импорт: contacts=2023.csv" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "за създаване" })).toContainText("2 за създаване");
  await page.getByRole("button", { name: "Импортирай" }).click();
  await expect(page).toHaveURL(/\/imports$/);
  await expect(page.getByText("Импортът е записан.")).toBeVisible();

  const row = page.getByRole("row", { name: /contacts=2023\.csv/ });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("2 / 0 / 0");
  await page.goto(`/organizations?q=${encodeURIComponent("Ново начало 2023")}`);
  await expect(page.getByRole("link", { name: organization })).toBeVisible();

  await page.goto("/imports");
  await page.getByRole("row", { name: /contacts=2023\.csv/ }).getByRole("button", { name: "Отмени импорта" }).click();
  await expect(page.getByText("Импортът е отменен: създадените записи са премахнати, обновените са върнати както бяха.")).toBeVisible();
  await expect(page.getByRole("row", { name: /contacts=2023\.csv/ })).toContainText("Отменен на");
  await expect(page.getByRole("row", { name: /contacts=2023\.csv/ }).getByRole("button", { name: "Отмени импорта" })).toHaveCount(0);

  await page.goto(`/organizations?q=${encodeURIComponent("Ново начало 2023")}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: organization })).toHaveCount(0);
});
