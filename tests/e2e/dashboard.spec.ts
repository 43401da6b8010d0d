import { expect, test } from "@playwright/test";
import { demo, demoData, demoName, signIn } from "./fixtures.ts";

function sofiaDay(offset: number): string {
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Sofia" }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

test("coordinator sees overdue follow-ups and marks one done in one click", async ({ page }) => {
  await signIn(page, demo.coordinator);
  // A follow-up of this test's own, due yesterday, so the seed's items stay as other specs expect them.
  const title = `E2E табло ${Date.now()}`;
  await page.goto("/follow-ups/new");
  await page.getByRole("textbox", { name: "Задача", exact: true }).fill(title);
  await page.getByRole("textbox", { name: "Срок", exact: true }).fill(sofiaDay(-1));
  await page.getByRole("button", { name: "Запази" }).click();
  await expect(page).toHaveURL(/\/follow-ups\/\d+$/);

  await page.goto("/");
  const overdue = page.getByRole("region", { name: /Просрочени/ });
  await expect(overdue.getByRole("link", { name: demoName(demoData.followUps.plovdivCoordinatorReminder) })).toBeVisible();
  await expect(overdue.getByRole("link", { name: title })).toBeVisible();

  // The button says «Готово»; its name adds which task (the visible word comes first, WCAG 2.5.3).
  await overdue.getByRole("button", { name: `Готово: ${title}`, exact: true }).click();
  await expect(page.getByRole("status")).toContainText("Задачата е отбелязана като изпълнена.");
  await expect(page.getByRole("region", { name: /Просрочени/ }).getByRole("link", { name: title })).toHaveCount(0);
  // The change is in "recent changes to my records".
  await expect(page.getByRole("heading", { name: "Последни промени по моите записи" })).toBeVisible();
  await expect(page.locator("ul.history").getByRole("link", { name: title }).first()).toBeVisible();

  // Charts whose bars link are named groups of links (an image when nothing links), with a table fallback for screen readers.
  await expect(page.getByRole("group", { name: /Ангажименти по статус/ })).toBeVisible();
  await expect(page.getByRole("group", { name: /Ангажименти по област на НИЕМ/ })).toBeVisible();
});

test("manager opens /reports for the 2021 forum and sees the area table", async ({ page }) => {
  await signIn(page, demo.manager);
  await page.goto("/");
  // A manager closes the follow-ups assigned to them (issue 17): the seed gives them some overdue.
  await expect(page.getByRole("button", { name: /^Готово:/ }).first()).toBeVisible();

  await page.getByRole("navigation", { name: "Основна навигация" }).getByRole("link", { name: "Отчети" }).click();
  await expect(page).toHaveURL(/\/reports$/);
  await page.getByLabel("Издание на форума").selectOption({ label: `${demoName(demoData.events.forum2021)} (30.11.2021)` });
  await page.getByRole("button", { name: "Покажи" }).click();
  await expect(page).toHaveURL(/[?&]event=\d+/);

  const area = page.locator("#report-area");
  await expect(page.getByRole("heading", { name: "Изпълнение по област на НИЕМ" })).toBeVisible();
  const rows = area.locator("tbody tr");
  await expect(rows).toHaveCount(4);
  // Legal integration: 4 made, 1 fulfilled, 2 partially → 50 %; socio-economic: 55,6 %.
  await expect(rows.nth(1).locator("td").first()).toHaveText("4");
  await expect(rows.nth(1).locator("td").last()).toHaveText("50");
  await expect(rows.nth(2).locator("td").last()).toHaveText("55,6");

  // Export links carry the same filters.
  const csv = page.getByRole("link", { name: "Изтегли CSV" });
  await expect(csv).toHaveAttribute("href", /\/reports\/export\.csv\?.*event=\d+/);
  const download = await Promise.all([page.waitForEvent("download"), csv.click()]).then(([d]) => d);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
});

test("the calendar address from the profile serves an iCalendar feed; replacing it retires the old one", async ({ page }) => {
  await signIn(page, demo.coordinator);
  await page.goto("/profile");
  await page.getByRole("button", { name: /^(Създай адрес|Смени адреса)/ }).click();
  await expect(page.getByRole("status")).toContainText("Адресът на календара е сменен");
  const first = await page.getByLabel("Адрес на календара").inputValue();
  expect(first).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  // Fetched without the session, like a calendar app would.
  const anonymous = await page.context().browser()!.newContext();
  const feed = await anonymous.request.get(first);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  expect(await feed.text()).toContain("BEGIN:VEVENT");

  await page.getByRole("button", { name: /^Смени адреса/ }).click();
  await expect(page.getByLabel("Адрес на календара")).not.toHaveValue(first);
  const second = await page.getByLabel("Адрес на календара").inputValue();
  expect(second).not.toBe(first);
  expect((await anonymous.request.get(first)).status()).toBe(404);
  expect((await anonymous.request.get(second)).status()).toBe(200);
  await anonymous.close();
});

test("admin reads the outbox page", async ({ page }) => {
  await signIn(page, demo.admin);
  await page.getByRole("navigation", { name: "Основна навигация" }).getByRole("link", { name: "Изходяща поща" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Изходяща поща" })).toBeVisible();
});
