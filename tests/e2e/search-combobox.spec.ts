// The header search is a WAI-ARIA combobox a keyboard alone can drive, and its suggestion list
// never stays open over the page it led to.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demo, signIn } from "./fixtures.ts";

const combobox = (page: Page) => page.locator("header").getByRole("combobox", { name: "Търсене във всички записи" });
const listbox = (page: Page) => page.locator("header").getByRole("listbox", { name: "Резултати от търсенето" });

/** Loads the page afresh and tabs from its top to the search box, as a keyboard user gets there. */
async function tabToSearch(page: Page) {
  await page.reload();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (await combobox(page).evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error("Tab never reached the header search");
}

/** Types like a user and waits for the suggestions to that text. */
async function typeAndWait(page: Page, text: string) {
  const answer = page.waitForResponse((r) => /^\/search(\.data)?$/.test(new URL(r.url()).pathname) && new URL(r.url()).searchParams.get("q") === text);
  await page.keyboard.type(text);
  await answer;
  await expect(combobox(page)).toHaveAttribute("aria-expanded", "true");
}

test("keyboard only: arrows choose a suggestion, Enter opens it, Escape and Tab close the list", async ({ page }) => {
  await signIn(page, demo.coordinator);
  await tabToSearch(page);
  const box = combobox(page);
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(box).toHaveAttribute("aria-autocomplete", "list");

  await typeAndWait(page, "sofia");
  const list = listbox(page);
  await expect(list).toBeVisible();
  // The box controls the list it shows.
  expect(await box.getAttribute("aria-controls")).toBe(await list.getAttribute("id"));
  const options = list.getByRole("option");
  expect(await options.count()).toBeGreaterThan(3);
  // Nothing chosen yet; the focus stays in the box throughout.
  await expect(box).not.toHaveAttribute("aria-activedescendant", /./);

  // Down, down, up: the active option is announced through aria-activedescendant.
  await page.keyboard.press("ArrowDown");
  const first = options.nth(0);
  await expect(box).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
  await expect(first).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowDown");
  await expect(box).toHaveAttribute("aria-activedescendant", (await options.nth(1).getAttribute("id"))!);
  await expect(first).toHaveAttribute("aria-selected", "false");
  await page.keyboard.press("ArrowUp");
  await expect(box).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
  await expect(box).toBeFocused();

  // The open list has no serious accessibility fault either.
  const axe = await new AxeBuilder({ page }).include("header").options({ resultTypes: ["violations"] }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // Escape closes the list and keeps the text.
  await page.keyboard.press("Escape");
  await expect(list).toBeHidden();
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(box).not.toHaveAttribute("aria-activedescendant", /./);
  await expect(box).toHaveValue("sofia");

  // Down opens it again on the first suggestion; Enter opens that record.
  await page.keyboard.press("ArrowDown");
  await expect(list).toBeVisible();
  await expect(box).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
  const href = (await first.getAttribute("href"))!;
  expect(href).toMatch(/^\/\w[\w-]*\/\d+$/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  // The navigation closed the list.
  await expect(list).toBeHidden();
  await expect(box).toHaveAttribute("aria-expanded", "false");

  // The focus stayed in the box; leaving it (Tab) closes the list too.
  await expect(box).toBeFocused();
  await page.keyboard.press("Control+A");
  await typeAndWait(page, "plovdiv");
  await page.keyboard.press("Tab");
  await expect(list).toBeHidden();
  await expect(box).toHaveAttribute("aria-expanded", "false");
});

test("Enter on the typed text opens the search page, and no suggestion list covers its results", async ({ page }) => {
  await signIn(page, demo.coordinator);
  await tabToSearch(page);
  await typeAndWait(page, "plovdiv");
  await expect(listbox(page)).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=plovdiv$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("plovdiv");
  await expect(listbox(page)).toBeHidden();
  await expect(combobox(page)).toHaveAttribute("aria-expanded", "false");
  // A late answer to the last keystrokes must not reopen it over the results.
  await page.waitForTimeout(500);
  await expect(listbox(page)).toBeHidden();
  const result = page.locator("main").getByRole("link", { name: "Община Пловдив", exact: true });
  // The result takes the click itself (Playwright refuses a click another element would intercept).
  await result.click({ trial: true, timeout: 2_000 });

  // The «Търси» button does the same, by keyboard.
  await tabToSearch(page);
  await page.keyboard.press("Control+A");
  await typeAndWait(page, "sofia");
  await page.keyboard.press("Tab");
  await expect(page.locator("header").getByRole("button", { name: "Търси" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=sofia$/);
  await expect(listbox(page)).toBeHidden();
  await page.waitForTimeout(500);
  await expect(listbox(page)).toBeHidden();
  await page.locator("main").getByRole("link", { name: "Столична община", exact: true }).click({ trial: true, timeout: 2_000 });
});
