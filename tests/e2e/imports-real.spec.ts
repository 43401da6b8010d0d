// Issue 15 point 5 in Chromium: a real spreadsheet — Windows-1251, «;», websites without
// https://, rows with errors, a quote left open with three extra columns, a short row, and
// duplicates of existing organizations by website, e-mail and phone — previewed as a table and
// imported. The fixture is written by tests/fixtures/make-organizations-real-cp1251.cjs.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { demo, signIn } from "./fixtures.ts";

test("a coordinator imports a Windows-1251 «;» spreadsheet with the usual mistakes and gets exactly its clean rows", async ({ page }) => {
  await signIn(page, demo.coordinator);
  await page.goto("/imports");
  await page.getByLabel("Какво импортирате").selectOption("organizations");
  await page.getByLabel("CSV файл").setInputFiles(path.resolve("tests/fixtures/organizations-real-cp1251.csv"));
  await page.getByRole("button", { name: "Прочети файла" }).click();
  await expect(page).toHaveURL(/\/imports\/\d+$/);
  await expect(page.getByText("windows-1251")).toBeVisible();

  // Rows with errors are skipped and counted apart from those to create.
  const summary = page.getByRole("status").filter({ hasText: "за създаване" });
  await expect(summary).toHaveText("2 за създаване · 0 за обновяване · 3 пропуснати · 4 с грешки (не се създават) · 3 възможни дубликати");

  // Every row, one line each, in a table with a column per field.
  await page.getByRole("button", { name: "Всички редове (9)" }).click();
  const table = page.locator("table.import-table");
  await expect(table.locator("tbody tr")).toHaveCount(9);
  await expect(table.locator("thead th")).toHaveText(["Ред", "Име / наименование", "Вид", "Област", "Уебсайт", "Имейл", "Телефон", "Проверка", "Действие"]);
  const row = (line: number) => table.locator(`tbody tr[data-line="${line}"]`);
  await expect(row(2)).toContainText("www.svetlina-test.bg");
  const cleanHeight = (await row(2).boundingBox())!.height;
  expect(cleanHeight).toBeLessThan(60);

  // Duplicates by website (the same organization in Latin), e-mail and phone.
  await expect(row(4)).toContainText("Вероятно вече съществува: Каритас България (съвпадение по уебсайт)");
  await expect(row(5)).toContainText("Вероятно вече съществува: Каритас България (съвпадение по имейл)");
  await expect(row(6)).toContainText("Вероятно вече съществува: Каритас Русе (съвпадение по телефон)");
  // Problems per row, the faulty cell highlighted.
  await expect(row(7)).toContainText("Име / наименование:");
  await expect(row(8)).toContainText("Ред: кавичка е отворена и не е затворена");
  await expect(row(8)).toContainText("Ред: 3 колони повече от заглавния ред");
  await expect(row(9).locator("td.cell-invalid")).toHaveText("Кооператив за мечти");
  await expect(row(10)).toContainText("Ред: 4 колони по-малко от заглавния ред");
  for (const line of [4, 5, 6, 7, 8, 9, 10]) await expect(page.getByLabel(`Действие за ред ${line}`)).toHaveValue("skip");

  // Create asked for a row with errors: nothing is written; one action skips them all again.
  await page.getByLabel("Действие за ред 9").selectOption("create");
  await page.getByRole("button", { name: "Импортирай" }).click();
  await expect(page.getByRole("alert")).toContainText("1 реда с грешки не са пропуснати");
  await page.getByRole("button", { name: "Пропусни всички редове с грешки" }).click();
  await expect(page.getByLabel("Действие за ред 9")).toHaveValue("skip");
  await expect(page.getByRole("alert")).toHaveCount(0);

  await page.getByRole("button", { name: "Импортирай" }).click();
  await expect(page).toHaveURL(/\/imports$/);
  await expect(page.getByRole("row", { name: /organizations-real-cp1251\.csv/ }).first()).toContainText("2 / 0 / 7");

  // Created with https:// websites; the duplicate in Latin was not created.
  await page.goto(`/organizations?q=${encodeURIComponent("Светлина за всички")}`);
  await page.getByRole("link", { name: "Сдружение „Светлина за всички“" }).click();
  await expect(page.getByRole("link", { name: /svetlina-test\.bg/ })).toHaveAttribute("href", "https://www.svetlina-test.bg");
  await page.goto(`/organizations?q=${encodeURIComponent("Пътят напред")}`);
  await page.getByRole("link", { name: "Фондация „Пътят напред“" }).click();
  await expect(page.getByRole("link", { name: /putyat-test\.bg/ })).toHaveAttribute("href", "https://putyat-test.bg/za-nas");
  await page.goto(`/organizations?q=${encodeURIComponent("Caritas Bulgaria")}`);
  await expect(page.getByRole("link", { name: "Caritas Bulgaria", exact: true })).toHaveCount(0);
  await page.goto(`/organizations?q=${encodeURIComponent("Надежда")}`);
  await expect(page.getByRole("link", { name: 'Фондация "Надежда', exact: true })).toHaveCount(0);
});

test("actions chosen on one page of a long preview are kept when paging, and the import follows every one of them", async ({ page }) => {
  // Named to sort last, so they never crowd the first choices of other tests' pickers; undone at the end.
  const tag = `страници-${Date.now()}`;
  const lines = ["Наименование;Вид"];
  for (let i = 1; i <= 150; i++) lines.push(`Яка организация ${tag} ${i};НПО`);
  await signIn(page, demo.coordinator);
  await page.goto("/imports");
  await page.getByLabel("Какво импортирате").selectOption("organizations");
  await page.getByLabel("CSV файл").setInputFiles({ name: "paged.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n"), "utf8") });
  await page.getByRole("button", { name: "Прочети файла" }).click();
  await expect(page).toHaveURL(/\/imports\/\d+/);

  // Page 1: skip line 2. Page 2: skip line 151. Back to page 1: the choice is still there.
  await page.getByLabel("Действие за ред 2", { exact: true }).selectOption("skip");
  await page.getByRole("button", { name: "Следваща страница →" }).click();
  await expect(page.getByText("Страница 2 от 2")).toBeVisible();
  await page.getByLabel("Действие за ред 151", { exact: true }).selectOption("skip");
  await page.getByRole("button", { name: "← Предишна страница" }).click();
  await expect(page.getByLabel("Действие за ред 2", { exact: true })).toHaveValue("skip");
  await expect(page.getByRole("status").filter({ hasText: "за създаване" })).toContainText("148 за създаване");
  await page.getByRole("button", { name: "Импортирай" }).click();
  await expect(page).toHaveURL(/\/imports$/);
  await expect(page.getByRole("row", { name: /paged\.csv/ }).first()).toContainText("148 / 0 / 2");

  await page.goto(`/organizations?q=${encodeURIComponent(`Яка организация ${tag} 1`)}&perPage=100`);
  const names = await page.locator("table a").allTextContents();
  expect(names).toContain(`Яка организация ${tag} 10`);
  expect(names).not.toContain(`Яка организация ${tag} 1`);
  await page.goto(`/organizations?q=${encodeURIComponent(`Яка организация ${tag} 150`)}`);
  await expect(page.getByRole("link", { name: `Яка организация ${tag} 150`, exact: true })).toHaveCount(0);

  await page.goto("/imports");
  await page.getByRole("row", { name: /paged\.csv/ }).first().getByRole("button", { name: "Отмени импорта" }).click();
  await expect(page.getByRole("row", { name: /paged\.csv/ }).first().getByRole("button", { name: "Отмени импорта" })).toHaveCount(0);
});
