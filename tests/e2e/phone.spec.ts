// Issue 17 point 7, staff pages on a phone: at 390×844 the header is one row of brand, menu button
// and search (not 357 px of links), no page scrolls sideways, lists are stacked cards, forms one
// column, and the menu opens — without JavaScript too — to navigate.
import type { Page } from "@playwright/test";
import { demo, expect, test } from "./fixtures.ts";

const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE });

const lists = ["/", "/organizations", "/people", "/events", "/partnerships", "/commitments", "/follow-ups", "/refugees", "/partner-updates", "/imports", "/reports", "/saved-views", "/search?q=sofia"];

async function widths(page: Page) {
  return page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, body: document.body.scrollWidth, viewport: window.innerWidth }));
}

async function expectNoSidewaysScroll(page: Page, label: string) {
  const w = await widths(page);
  expect(w.viewport, label).toBe(PHONE.width);
  expect(w.scroll, `${label}: the page is ${w.scroll} px wide`).toBeLessThanOrEqual(PHONE.width);
  expect(w.body, `${label}: the body is ${w.body} px wide`).toBeLessThanOrEqual(PHONE.width);
}

/** The first link to a record of this list on the page (`/commitments/12`), for its detail and edit pages. */
async function firstRecordHref(page: Page, list: string): Promise<string> {
  await page.goto(list);
  const href = await page.locator(`main a[href^="${list}/"]`).evaluateAll((links, prefix) => links.map((a) => a.getAttribute("href") ?? "").find((h) => new RegExp(`^${prefix}/\\d+$`).test(h)) ?? "", list);
  expect(href, `a record link on ${list}`).not.toBe("");
  return href;
}

test("every list page and some detail and edit pages fit 390 px, under a header below 120 px", async ({ page, signInAs }) => {
  test.setTimeout(120_000);
  await signInAs(demo.coordinator);
  const pages = [...lists];
  for (const list of ["/organizations", "/commitments", "/partnerships", "/people", "/follow-ups", "/events"]) {
    const href = await firstRecordHref(page, list);
    pages.push(href, `${href}/edit`);
  }
  pages.push("/organizations/new", "/commitments/new", "/follow-ups/new", "/interactions/new", "/profile");
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expectNoSidewaysScroll(page, path);
    const header = await page.locator("header.site-header").boundingBox();
    expect(header, path).not.toBeNull();
    expect(header!.height, `${path}: header ${header!.height} px`).toBeLessThan(120);
    // The links are behind the one menu button until it is opened.
    await expect(page.getByRole("navigation", { name: "Основна навигация" }), path).toBeHidden();
  }
});

test("/commitments: rows are stacked cards, each field named, none wider than the screen", async ({ page, signInAs }) => {
  await signInAs(demo.coordinator);
  await page.goto("/commitments");
  const rows = page.locator("main .data-table tbody tr");
  expect(await rows.count()).toBeGreaterThan(3);
  const first = rows.first();
  const box = (await first.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  // A card: its cells stacked one below the other, each with its column's name.
  const cells = first.locator("td");
  const a = (await cells.nth(0).boundingBox())!;
  const b = (await cells.nth(1).boundingBox())!;
  expect(b.y).toBeGreaterThanOrEqual(a.y + a.height - 1);
  await expect(cells.nth(1).locator(".cell-label")).toBeVisible();
  // Sorting is still at hand above the cards.
  await expect(page.locator("main thead").getByRole("link").first()).toBeVisible();
});

test("a form is one column: its fields share one left edge and fit the screen", async ({ page, signInAs }) => {
  await signInAs(demo.coordinator);
  await page.goto("/commitments/new");
  const fields = page.locator("main form input:visible:not([type=hidden]):not([type=checkbox]):not([type=radio]), main form select:visible, main form textarea:visible");
  const count = await fields.count();
  expect(count).toBeGreaterThan(3);
  const boxes = [];
  for (let i = 0; i < count; i++) boxes.push((await fields.nth(i).boundingBox())!);
  for (const b of boxes) expect(b.x + b.width).toBeLessThanOrEqual(PHONE.width);
  // One column: no two fields side by side on the same line.
  const sorted = boxes.sort((p, q) => p.y - q.y);
  for (let i = 1; i < sorted.length; i++) expect(sorted[i].y, `field ${i}`).toBeGreaterThanOrEqual(sorted[i - 1].y + sorted[i - 1].height - 2);
});

test("the menu button opens the navigation and a link in it leads on; the menu closes again", async ({ page, signInAs }) => {
  await signInAs(demo.coordinator);
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Основна навигация" });
  await expect(nav).toBeHidden();
  await page.locator("header").getByText("Меню", { exact: true }).click();
  await expect(nav).toBeVisible();
  await expectNoSidewaysScroll(page, "menu open");
  await nav.getByRole("link", { name: "Ангажименти" }).click();
  await expect(page).toHaveURL(/\/commitments$/);
  await expect(nav).toBeHidden();
  // Signing out is in the menu too.
  await page.locator("header").getByText("Меню", { exact: true }).click();
  await expect(page.locator("header").getByRole("button", { name: "Изход" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the menu still opens and navigates", async ({ page, signInAs }) => {
    await signInAs(demo.coordinator);
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Основна навигация" });
    await expect(nav).toBeHidden();
    await page.locator("header").getByText("Меню", { exact: true }).click();
    await expect(nav).toBeVisible();
    await nav.getByRole("link", { name: "Задачи" }).click();
    await expect(page).toHaveURL(/\/follow-ups$/);
  });
});

test("on a wide screen the links show in the header row, with no menu button", async ({ page, signInAs }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await signInAs(demo.coordinator);
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Основна навигация" }).getByRole("link", { name: "Организации" })).toBeVisible();
  await expect(page.locator("header").getByText("Меню", { exact: true })).toBeHidden();
  await expect(page.locator("header").getByRole("button", { name: "Изход" })).toBeVisible();
});

test("an admin's pages fit 390 px too", async ({ page, signInAs }) => {
  await signInAs(demo.admin);
  for (const path of ["/admin/users", "/admin/audit", "/admin/outbox", "/admin/backups", "/exports", "/reports", "/refugees"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expectNoSidewaysScroll(page, path);
  }
});
