// The Manifesto end to end: the Sofia partner reads the consultation text and proposes a new
// wording for one paragraph; a coordinator takes it into a new version and answers in public;
// the partner reads the answer (the e-mail is in the outbox) and endorses the adopted version;
// a signed-out visitor sees Столична община on the public page only once it agreed to be listed.
import { expect, test, type Browser } from "@playwright/test";
import { demo, signIn, signOut } from "./fixtures.ts";

const PROPOSED = `Бюрата по труда работят с бежанците от първия ден на закрилата и им предлагат стаж (e2e ${Date.now()}).`;
const ANSWER = `Прието: стажовете са включени в новата версия (${Date.now()}).`;

/** The public page as a visitor with no session, in a context of its own (nothing cached, no cookies). */
async function publicPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cspErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  const response = await page.goto("/manifesto/public");
  expect(response?.status()).toBe(200);
  const html = await page.content();
  const endorsers = await page.locator("#endorsers").innerText();
  await context.close();
  expect(cspErrors).toEqual([]);
  return { html, endorsers };
}

test("a partner proposes on the consultation text, a coordinator accepts it in a new version, the partner endorses and is listed publicly", async ({ page, browser }) => {
  // Four roles in one journey, each signing in through the real form.
  test.setTimeout(90_000);
  // --- the partner reads the version open for consultation and proposes on one paragraph
  await signIn(page, demo.partnerSofia);
  await page.getByRole("navigation", { name: "Основна навигация" }).getByRole("link", { name: "Манифест" }).click();
  await expect(page).toHaveURL(/\/shared\/manifesto$/);
  await expect(page.getByRole("heading", { name: "Текстът, публикуван за консултация" })).toBeVisible();
  const work = page.locator("section.manifesto-section", { has: page.getByRole("heading", { name: "5. Работа и професионално обучение" }) });
  await expect(work).toContainText("Дипломите и квалификациите, придобити в чужбина");
  await work.getByRole("link", { name: "Предложи промяна на абзац 1" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Предложение за раздел „5. Работа и професионално обучение“");
  await expect(page.getByLabel("Пасаж, който се заменя")).toHaveValue("Бюрата по труда работят с бежанците от първия ден на закрилата.");
  await page.getByLabel("Предложен текст или идея").fill(PROPOSED);
  await page.getByLabel("Мотиви").fill("Стажът е най-краткият път до работа.");
  await page.getByRole("button", { name: "Изпрати предложението" }).click();
  await expect(page.getByRole("status")).toHaveText("Предложението е получено. Ще получите отговор по имейл.");
  await expect(page.locator(".badge[data-status]")).toHaveText("получено");
  // The passage and the proposed wording side by side, the added words marked.
  const comparison = page.getByTestId("passage-comparison");
  await expect(comparison.locator("ins")).toContainText("и им предлагат стаж");
  const proposalUrl = page.url();
  const proposalId = /\/shared\/manifesto\/proposals\/(\d+)$/.exec(proposalUrl)![1]!;
  await signOut(page);

  // --- the coordinator makes a new version with the change and answers
  await signIn(page, demo.coordinator);
  await page.goto("/manifesto");
  await page.getByLabel("Започва от текста на").selectOption({ label: "Версия 4 · Манифест за интеграция на бежанците в България" });
  await page.getByRole("button", { name: "Създай чернова" }).click();
  await expect(page.getByRole("status")).toHaveText("Черновата е създадена.");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Версия 5");
  await page.getByRole("link", { name: "Редактирай: Работа и професионално обучение" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Раздел 5 от версия 5");
  const body = page.getByLabel("Текст (български)");
  await body.fill((await body.inputValue()).replace("Бюрата по труда работят с бежанците от първия ден на закрилата.", PROPOSED));
  await page.getByRole("button", { name: "Запази" }).click();
  await expect(page.getByRole("status")).toHaveText("Разделът е запазен.");

  await page.goto(`/manifesto/proposals/${proposalId}`);
  await expect(page.getByText("Столична община").first()).toBeVisible();
  await page.getByLabel("Статус").selectOption("accepted");
  await page.getByLabel("Публичен отговор (български)").fill(ANSWER);
  await page.getByLabel("Публичен отговор (английски)").fill("Accepted: internships are in the new version.");
  await page.getByLabel("Раздел от по-нова версия, в който е включено").selectOption({ label: "v5 · 5. Работа и професионално обучение" });
  await page.getByRole("button", { name: "Запази отговора" }).click();
  await expect(page.getByRole("status")).toHaveText("Отговорът е запазен; предложителят е уведомен.");
  await expect(page.getByRole("link", { name: "версия 5, раздел „Работа и професионално обучение“" })).toBeVisible();
  // The new version marks exactly the changed section against the consultation text.
  await page.goto("/manifesto/compare");
  await expect(page.locator(".compare-summary")).toHaveText("Променени раздели: 1");
  await expect(page.locator('section[data-status="changed"] ins')).toContainText("и им предлагат стаж");
  await signOut(page);

  // --- the partner reads the answer and endorses the adopted version, not yet listed publicly
  await signIn(page, demo.partnerSofia);
  await page.goto("/shared/manifesto");
  const row = page.locator(`tr[data-proposal-id="${proposalId}"]`);
  await expect(row).toContainText("прието");
  await expect(row).toContainText(ANSWER);
  await row.getByRole("link").first().click();
  await expect(page.getByTestId("answer")).toContainText(ANSWER);
  await expect(page.getByTestId("answer")).toContainText("Accepted: internships are in the new version.");

  expect((await publicPage(browser)).endorsers).not.toContain("Столична община");
  await page.goto("/shared/manifesto");
  await expect(page.getByRole("heading", { name: "Подкрепете Манифеста от името на Столична община" })).toBeVisible();
  await page.getByLabel("Длъжност").fill("главен експерт");
  await page.getByLabel("Изявление (български, по желание)").fill("Столицата е дом и за бежанците.");
  await page.getByRole("button", { name: "Подкрепи Манифеста" }).click();
  await expect(page.getByRole("status")).toHaveText("Благодарим! Подкрепата на организацията е записана.");
  const endorsement = page.locator("li.endorsement");
  await expect(endorsement).toContainText("Версия 3");
  await expect(endorsement).toContainText("не е посочена публично");
  // Endorsed but not agreed to be listed: the public page does not name Sofia.
  expect((await publicPage(browser)).endorsers).not.toContain("Столична община");

  await endorsement.getByLabel("Организацията може да бъде посочена публично").check();
  await endorsement.getByRole("button", { name: "Запази публичното посочване" }).click();
  await expect(page.getByRole("status")).toHaveText("Публичното посочване е запазено.");
  const after = await publicPage(browser);
  expect(after.endorsers).toContain("Столична община");
  expect(after.html).toContain("Столицата е дом и за бежанците.");
  // The signatory did not agree to be named.
  expect(after.html).not.toContain("Десислава Колева");
  await signOut(page);

  // --- the answer went out by e-mail (the outbox, without SMTP)
  await signIn(page, demo.admin);
  await page.goto("/admin/outbox");
  const mail = page.locator("tr", { hasText: "partner@sofia.demo" }).filter({ hasText: "Отговор на вашето предложение към Манифеста" }).first();
  await expect(mail).toBeVisible();
  await mail.locator("summary").click();
  await expect(mail).toContainText(ANSWER);
});

test("the public page reads well on a phone and prints without its navigation", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await page.goto("/manifesto/public");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Манифест за интеграция на бежанците в България");
  // Nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".contents")).toBeHidden();
  await expect(page.locator("#endorsers")).toBeVisible();
  await context.close();
});
