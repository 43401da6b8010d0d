// The partner portal end to end: a partner reports progress with a PDF and completes a shared
// action item; a coordinator sees both among partner updates and verifies the fulfilment.
import path from "node:path";
import { demo, demoData, demoName, expect, signIn, signOut, test } from "./fixtures.ts";

// Seed records this journey owns (no other spec changes them): a Sofia commitment and a shared action item.
const COMMITMENT = demoName(demoData.commitments.sofiaHousing);
const FOLLOW_UP = demoName(demoData.followUps.municipalPlan2027);
const NOTE = `Настанени са всички 10 семейства (e2e ${Date.now()}).`;

test("partner reports a fulfilment with a PDF and completes a shared follow-up; a coordinator verifies it", async ({ page }) => {
  // --- the partner
  await signIn(page, demo.partnerSofia);
  await expect(page).toHaveURL(/\/shared$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Споделено със Столична община");
  await expect(page.getByRole("link", { name: "Профил: парола и език" })).toBeVisible();
  // Overdue shared items are flagged.
  await expect(page.locator("tr.overdue").first()).toContainText("просрочена");

  await page.getByRole("link", { name: COMMITMENT }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(COMMITMENT);
  await page.getByLabel("Какво е направено").fill(NOTE);
  await page.getByLabel("Предложен статус").selectOption("fulfilled");
  await page.getByLabel("Файл с доказателство").setInputFiles(path.resolve("tests/fixtures/evidence.pdf"));
  await page.getByRole("button", { name: "Изпрати доклада" }).click();
  await expect(page.getByRole("status")).toHaveText("Докладът е изпратен. Координатор на БСБМ ще го потвърди.");
  // On the timeline, marked as the partner's own report, self-reported, with the file.
  const entry = page.locator(".timeline-entry", { hasText: NOTE });
  await expect(entry).toContainText("Доклад от Столична община");
  await expect(entry).toContainText("самоотчетен");
  await expect(entry.getByRole("link", { name: "Файл: evidence.pdf" })).toBeVisible();
  await expect(page.locator(".commitment-status").first()).toContainText("самоотчетен");

  await page.getByRole("link", { name: "Към споделеното с вас" }).click();
  await page.getByRole("link", { name: FOLLOW_UP }).click();
  await page.getByLabel("Бележка при изпълнение").fill("Планът е внесен в СОС.");
  await page.getByRole("button", { name: "Отбележи като изпълнена" }).click();
  await expect(page.getByRole("status")).toHaveText("Задачата е отбелязана като изпълнена.");
  await expect(page.getByRole("button", { name: "Отвори отново" })).toBeVisible();
  await signOut(page);

  // --- the coordinator
  await signIn(page, demo.coordinator);
  await page.getByRole("navigation", { name: "Основна навигация" }).getByRole("link", { name: "Доклади от партньори" }).click();
  await expect(page).toHaveURL(/\/partner-updates$/);
  const row = page.locator("tr", { hasText: NOTE });
  await expect(row).toContainText(COMMITMENT);
  await expect(row).toContainText("Столична община");
  await expect(row).toContainText("Непотвърден");
  // The newest unverified report is on top.
  await expect(page.locator("tbody tr").first()).toContainText(NOTE);
  const fileLink = row.getByRole("link", { name: "Файл: evidence.pdf" });
  const href = await fileLink.getAttribute("href");
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["content-disposition"]).toMatch(/^inline;/);
  expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");
  // The completed follow-up, with the partner's note.
  const completion = page.locator("tr", { hasText: FOLLOW_UP });
  await expect(completion).toContainText("Планът е внесен в СОС.");
  await expect(completion).toContainText("Столична община");

  await row.getByRole("button", { name: /^Потвърди доклада на Столична община/ }).click();
  await expect(page.getByRole("status")).toHaveText("Докладът е потвърден.");
  const verifiedRow = page.locator("tr", { hasText: NOTE });
  await expect(verifiedRow).toContainText("Потвърден на");
  await expect(verifiedRow.locator(".commitment-status")).toContainText("потвърден");
  await expect(verifiedRow.locator(".commitment-status")).not.toContainText("самоотчетен");
  await signOut(page);

  // --- the partner sees the verified status
  await signIn(page, demo.partnerSofia);
  const sharedRow = page.locator("tr", { hasText: COMMITMENT });
  await expect(sharedRow.locator(".commitment-status")).toContainText("потвърден");
  await expect(sharedRow.locator(".commitment-status")).not.toContainText("самоотчетен");
});

test("another partner cannot open the first partner's shared commitment or its evidence", async ({ page, world, signInAs }) => {
  // Records of this test alone: an organization with a partner user, a commitment shared with it.
  const owner = world.partner();
  const commitment = world.sharedCommitment(owner.organization);
  await signInAs(owner.email);
  await page.goto(`/shared/commitments/${commitment.id}`);
  await page.getByLabel("Какво е направено").fill("Протокол от заседанието.");
  await page.getByLabel("Файл с доказателство").setInputFiles(path.resolve("tests/fixtures/evidence.pdf"));
  await page.getByRole("button", { name: "Изпрати доклада" }).click();
  await expect(page.getByRole("status")).toHaveText("Докладът е изпратен. Координатор на БСБМ ще го потвърди.");
  const evidence = await page.locator(".timeline-entry").getByRole("link", { name: "Файл: evidence.pdf" }).getAttribute("href");
  expect(evidence).toMatch(/^\/evidence\/\d+$/);
  // Its own partner opens both (so the 404s below are about reach, not about broken links).
  expect((await page.request.get(evidence!)).status()).toBe(200);

  // A partner of another organization: not found, for the page, the file and the staff list.
  const other = world.partner();
  await signInAs(other.email);
  expect((await page.goto(`/shared/commitments/${commitment.id}`))?.status()).toBe(404);
  const file = await page.request.get(evidence!);
  expect(file.status()).toBe(404);
  expect((await file.body()).subarray(0, 5).toString()).not.toBe("%PDF-");
  expect((await page.request.get("/partner-updates")).status()).toBe(404);
  // Nor does the commitment show on their /shared.
  await page.goto("/shared");
  await expect(page.getByRole("link", { name: commitment.title })).toHaveCount(0);
});
