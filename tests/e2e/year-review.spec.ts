// Issue 19 in the browser: a coordinator opens the 2021 forum's year in review, excludes one
// highlight and captions another, downloads the PDF and the test reads it back — the edition's
// title, the counts the page shows and the caption, in Bulgarian and (with ?lang=en) in English.
// Then a story: refused for a person without consent, published for one with it, shown in the review.
import fs from "node:fs";
import { expect, test, type Download, type Page } from "@playwright/test";
import { pdfText } from "../pdf-text.ts";
import { demo, demoData, demoName, signIn } from "./fixtures.ts";

const FORUM_2021 = demoName(demoData.events.forum2021);
const CAPTION = `На големия екран: 47 души започнаха работа (e2e ${Date.now()})`;

async function downloadText(page: Page, link: string): Promise<{ text: string; pages: string[]; name: string }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  const file = await download.path();
  const bytes = new Uint8Array(fs.readFileSync(file!));
  expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe("%PDF-");
  return { ...(await pdfText(bytes)), name: download.suggestedFilename() };
}

/** Each row of a table on the page as the text a reader sees, cells separated by spaces. */
async function tableRows(page: Page, id: string): Promise<string[][]> {
  return page.locator(`#${id} tbody tr`).evaluateAll((rows) =>
    rows.map((row) => Array.from(row.querySelectorAll("th, td")).map((cell) => (cell.textContent ?? "").trim())),
  );
}

test("coordinator curates the 2021 forum's highlights and downloads the review as PDF, in Bulgarian and English", async ({ page }) => {
  test.setTimeout(60_000); // two PDFs are made and read back
  await signIn(page, demo.coordinator);
  await page.goto(`/events?q=${encodeURIComponent("Съвместно пишем")}`);
  await page.getByRole("link", { name: FORUM_2021 }).click();
  await page.getByRole("link", { name: "Годината в преглед" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Годината в преглед: ${FORUM_2021}`);
  await expect(page.locator("#definitions")).toContainText("Изпълнение, % = (изпълнени + ½ × частично изпълнени)");

  const highlights = page.locator("ol.review-highlights > li");
  const titles = await highlights.evaluateAll((items) => items.map((li) => li.querySelector("a")?.textContent ?? ""));
  expect(titles.length).toBeGreaterThan(3);
  const [excluded, captioned] = titles as [string, string];

  await page.getByRole("button", { name: `Изключи от акцентите „${excluded}“` }).click();
  await expect(page.getByRole("status")).toHaveText("Акцентите са обновени.");
  await expect(highlights.filter({ has: page.getByRole("link", { name: excluded, exact: true }) })).toHaveCount(0);
  await expect(highlights).toHaveCount(titles.length - 1);

  await page.getByLabel(`Надпис към „${captioned}“`).fill(CAPTION);
  await page.getByRole("button", { name: `Запази надписа към „${captioned}“` }).click();
  await expect(page.getByRole("status")).toHaveText("Надписът е запазен.");
  await expect(highlights.first()).toContainText(CAPTION);

  // A count links to the list of exactly those commitments.
  const fulfilled = page.locator("#review-status tbody tr", { hasText: "Изпълнени" }).first().locator("td").first();
  const fulfilledCount = (await fulfilled.innerText()).trim();
  await fulfilled.getByRole("link").click();
  await expect(page).toHaveURL(/\/commitments\?event=\d+&status=fulfilled$/);
  await expect(page.getByText(new RegExp(`от ${fulfilledCount}$`))).toBeVisible();
  await page.goBack();
  await expect(page.locator("#review-status tbody tr")).toHaveCount(6);

  const figures = await tableRows(page, "review-figures");
  const statuses = await tableRows(page, "review-status");

  const bg = await downloadText(page, "Изтегли PDF");
  expect(bg.name).toBe("year-review-2021-bg.pdf");
  expect(bg.text).toContain(FORUM_2021);
  expect(bg.text).toContain("Съдържание");
  expect(bg.pages[0]).toContain(`Страница 1 от ${bg.pages.length}`);
  for (const row of [...figures, ...statuses]) expect(bg.text, row.join(" ")).toContain(row.join(" "));
  expect(bg.text).toContain(CAPTION);
  expect(bg.text).not.toContain(excluded);

  const en = await downloadText(page, "PDF на английски");
  expect(en.name).toBe("year-review-2021-en.pdf");
  expect(en.text).toContain(FORUM_2021);
  expect(en.text).toContain("Year in review");
  expect(en.text).toContain("Contents");
  expect(en.pages[0]).toContain(`Page 1 of ${en.pages.length}`);
  // The same counts, under English labels (integers read the same in both languages).
  const english = ["Commitments", "Fulfilled", "Partially fulfilled", "Not fulfilled", "Withdrawn", "Ongoing"];
  statuses.forEach((row, i) => expect(en.text, english[i]).toContain([english[i], ...row.slice(1)].join(" ")));
  expect(en.text).toContain(CAPTION);
});

test("a story names only people who consent to its publication; once published it is in the forum's review", async ({ page }) => {
  const title = `Историята на Лейла (e2e ${Date.now()})`;
  await signIn(page, demo.coordinator);
  await page.getByRole("navigation", { name: "Основна навигация" }).getByRole("link", { name: "Истории" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Истории на интеграция");
  await page.getByRole("link", { name: "Нова история" }).click();

  await page.getByLabel("Заглавие").fill(title);
  await page.getByLabel("Резюме").fill("Лейла разказва за здравната линия на фарси.");
  await page.getByLabel("Текст на историята").fill("Текстът, одобрен от Лейла.");
  await page.getByLabel("Хората в историята").selectOption([{ label: "Ахмад Р. — няма съгласие за публикуване на история" }]);
  await page.getByLabel("Издание, на което е разказана").selectOption({ label: "Национален форум за интеграция на бежанците 2026 (2026-12-08)" });
  await page.getByRole("button", { name: "Запази" }).click();
  await expect(page.getByRole("alert")).toContainText("Формулярът съдържа грешки");
  await expect(page.locator("#field-refugeeContactIds-refusals")).toHaveText("Ахмад Р.: няма съгласие за публикуване на история");
  await expect(page.getByLabel("Заглавие")).toHaveValue(title);

  await page.getByLabel("Хората в историята").selectOption([{ label: "Лейла Р." }]);
  await page.getByRole("button", { name: "Запази" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await page.getByRole("button", { name: "Одобрена от хората в нея" }).click();
  await expect(page.getByRole("status")).toHaveText("Историята е отбелязана като одобрена.");
  await page.getByRole("button", { name: "Публикувай" }).click();
  await expect(page.getByRole("status")).toHaveText("Историята е публикувана.");

  await page.getByRole("link", { name: "Национален форум за интеграция на бежанците 2026 (08.12.2026)" }).click();
  await page.getByRole("link", { name: "Годината в преглед" }).click();
  await expect(page.getByRole("region", { name: "Истории на интеграция от годината" }).getByRole("link", { name: title })).toBeVisible();
});
