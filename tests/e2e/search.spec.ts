// One search from the header: results as you type, Cyrillic ↔ Latin, scoped for partners;
// the language switch is remembered on the user.
import { expect, test, type Page } from "@playwright/test";
import { demo, signIn, signOut } from "./fixtures.ts";

const headerSearchBox = (page: Page) => page.locator("header").getByRole("combobox", { name: /Търсене във всички записи|Search all records/ });
const headerResults = (page: Page) => page.locator("header").getByRole("listbox", { name: /Резултати от търсенето|Search results/ });

/** Types into the header box and waits for the as-you-type answer to exactly that query. */
async function typeInHeader(page: Page, q: string): Promise<Array<{ text: string; href: string }>> {
  const answer = page.waitForResponse((r) => {
    const url = new URL(r.url());
    // Remix single fetch asks /search.data for the loader's data.
    return /^\/search(\.data)?$/.test(url.pathname) && url.searchParams.get("q") === q && r.status() === 200;
  });
  await headerSearchBox(page).fill(q);
  await answer;
  // The list, or its "no records found" line, once the answer is in.
  const popup = page.locator("header .header-search-results");
  await expect(popup).toBeVisible();
  await expect(popup).not.toContainText(/Търсене…|Searching…/);
  const results = headerResults(page);
  // The suggestions, without the last option (all results on the search page).
  return results.getByRole("group").getByRole("option").evaluateAll((options) =>
    options.map((o) => ({ text: (o.querySelector(".search-hit-title")?.textContent ?? "").trim(), href: o.getAttribute("href") ?? "" })),
  );
}

test("typing «sofia» in the header finds Столична община and people in Sofia, as you type", async ({ page }) => {
  await signIn(page, demo.coordinator);
  const hits = await typeInHeader(page, "sofia");
  const texts = hits.map((h) => h.text);
  expect(texts).toContain("Столична община");
  expect(texts).toEqual(expect.arrayContaining(["Десислава Колева", "Христо Петров"]));
  // Each hit leads to its record.
  await headerResults(page).getByRole("option", { name: /^Столична община/ }).click();
  await expect(page).toHaveURL(/\/organizations\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Столична община");
});

test("«SOFIA» and «софия» give the same set as «sofia»", async ({ page }) => {
  await signIn(page, demo.coordinator);
  const sofia = (await typeInHeader(page, "sofia")).map((h) => h.href).sort();
  const upper = (await typeInHeader(page, "SOFIA")).map((h) => h.href).sort();
  const cyrillic = (await typeInHeader(page, "софия")).map((h) => h.href).sort();
  expect(sofia.length).toBeGreaterThan(3);
  expect(upper).toEqual(sofia);
  expect(cyrillic).toEqual(sofia);
});

test("the header search works without JavaScript: the form opens /search", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, demo.coordinator);
  await headerSearchBox(page).fill("plovdiv");
  await headerSearchBox(page).press("Enter");
  await expect(page).toHaveURL(/\/search\?q=plovdiv/);
  await expect(page.locator("main").getByRole("link", { name: "Община Пловдив", exact: true })).toBeVisible();
  await context.close();
});

test("a partner's search never shows another organization's records", async ({ page }) => {
  await signIn(page, demo.partnerSofia);
  const asYouType = await typeInHeader(page, "червен");
  expect(asYouType.map((h) => h.text)).not.toContain("Български Червен кръст");
  for (const q of ["червен", "cherven krast", "sofia", "obshtina", "Хамид", "plovdiv"]) {
    await page.goto(`/search?q=${encodeURIComponent(q)}`);
    const main = page.locator("main");
    await expect(main.getByRole("heading", { level: 1 })).toContainText(q);
    const found = main.getByRole("listitem");
    await expect(found.filter({ hasText: "Български Червен кръст" })).toHaveCount(0);
    await expect(found.filter({ hasText: "Хамид" })).toHaveCount(0);
    // Whatever a partner finds opens on their side of the portal, never a staff page.
    for (const href of await main.getByRole("listitem").getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""))) {
      expect(href).toMatch(/^\/shared/);
    }
  }
  await page.goto(`/search?q=${encodeURIComponent("Столична")}`);
  await expect(page.locator("main").getByRole("link", { name: "Столична община", exact: true })).toBeVisible();
});

test("the header language switch is remembered on the user across sign-out and sign-in", async ({ page, context }) => {
  // coordinator2: other journeys sign in as the first coordinator and expect Bulgarian.
  const email = "coordinator2@bcrm.demo";
  await signIn(page, email);
  await expect(page.locator("html")).toHaveAttribute("lang", "bg");
  await page.locator("header").getByRole("button", { name: "EN", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await signOut(page);
  // Forget the browser's language cookie: what comes back must come from the user record.
  await context.clearCookies();
  await signIn(page, email);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(headerSearchBox(page)).toHaveAttribute("placeholder", /Search/);
  // Back to Bulgarian, and that too is remembered.
  await page.locator("header").getByRole("button", { name: "BG", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "bg");
  await signOut(page);
  await context.clearCookies();
  await signIn(page, email);
  await expect(page.locator("html")).toHaveAttribute("lang", "bg");
});
