// Exports a funder can open and CSV imports from old spreadsheets, in a real browser.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { demo, demoData, demoName, signIn } from "./fixtures.ts";

const partnershipTitle = demoName(demoData.partnerships.advocacy);

test("a manager downloads the partnerships XLSX and CSV from /exports, with Cyrillic intact", async ({ page }) => {
  await signIn(page, demo.manager);
  await page.getByRole("navigation", { name: "Основна навигация" }).getByRole("link", { name: "Експорт" }).click();
  await expect(page).toHaveURL(/\/exports$/);
  await expect(page.getByRole("heading", { name: "Експорт на списъци" })).toBeVisible();
  // Which file to choose for Excel, LibreOffice and Google Sheets, said on the page.
  await expect(page.getByRole("heading", { name: "Кой файл да изберете" })).toBeVisible();
  await expect(page.getByText(/LibreOffice Calc: при отваряне на CSV/)).toBeVisible();

  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Партньорства XLSX" }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/^bcrm-partnerships-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync((await xlsx.path())!) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Партньорства")!;
  expect(sheet.getRow(1).getCell(2).value).toBe("Заглавие");
  const titles = [...Array(sheet.rowCount - 1).keys()].map((i) => sheet.getRow(i + 2).getCell(2).value);
  expect(titles).toContain(partnershipTitle);

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Партньорства CSV" }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^bcrm-partnerships-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = fs.readFileSync((await csv.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString("utf8")).toContain(partnershipTitle);
});

test("the Export button of a filtered list exports exactly that view", async ({ page }) => {
  await signIn(page, demo.manager);
  await page.goto("/organizations?kind=municipality&sort=name&dir=desc");
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /CSV/ }).first().click()]);
  // A Bulgarian user's CSV: «;» between fields (what Excel with Bulgarian settings expects).
  const records: string[][] = parse(fs.readFileSync((await csv.path())!, "utf8").replace(/^\uFEFF/, ""), { delimiter: ";" });
  const names = records.slice(1).map((record) => record[1]);
  const shown = await page.locator("table tbody tr td:first-child a").allInnerTexts();
  expect(names.slice(0, shown.length)).toEqual(shown.map((s) => s.trim()));
  expect(names.length).toBeGreaterThan(0);
});

test("a coordinator imports a Windows-1251 file through the preview and commits it", async ({ page }) => {
  await signIn(page, demo.coordinator);
  await page.getByRole("navigation", { name: "Основна навигация" }).getByRole("link", { name: "Импорт" }).click();
  await expect(page).toHaveURL(/\/imports$/);
  await page.getByLabel("Какво импортирате").selectOption("organizations");
  await page.getByLabel("CSV файл").setInputFiles(path.resolve("tests/fixtures/organizations-cp1251.csv"));
  await page.getByRole("button", { name: "Прочети файла" }).click();

  await expect(page).toHaveURL(/\/imports\/\d+$/);
  await expect(page.getByRole("heading", { name: /Преглед преди импорт: organizations-cp1251\.csv/ })).toBeVisible();
  await expect(page.getByText("windows-1251")).toBeVisible();
  await expect(page.getByText("Сдружение „Мост към Родопите“")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "за създаване" })).toContainText("4 за създаване");

  await page.getByRole("button", { name: "Импортирай" }).click();
  await expect(page).toHaveURL(/\/imports$/);
  await expect(page.getByText("Импортът е записан.")).toBeVisible();
  await expect(page.getByRole("row", { name: /organizations-cp1251\.csv/ }).first()).toContainText("4 / 0 / 0");

  await page.goto(`/organizations?q=${encodeURIComponent("Мост към Родопите")}`);
  await expect(page.getByRole("link", { name: "Сдружение „Мост към Родопите“" })).toBeVisible();
});
