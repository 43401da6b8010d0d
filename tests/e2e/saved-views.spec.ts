// Issue 17 point 4, saved views: a coordinator keeps the current list (its URL state) under a name,
// sees it beside the list, opens it again, shares it with all staff, and deletes it; a manager sees
// the shared view but cannot delete it; the follow-ups' default views stay; partners have no lists.
import type { Page } from "@playwright/test";
import { demo, expect, signIn, test } from "./fixtures.ts";

const savedViewsBox = (page: Page) => page.locator("main").getByRole("region", { name: /^(Запазени изгледи|Saved views)$/ });

test("a coordinator saves the filtered follow-ups list, opens it again, shares it; a manager sees it; the owner deletes it", async ({ page, baseURL, signInAs }) => {
  test.setTimeout(90_000);
  const name = `Отворени на Елена ${Date.now().toString(36)}`;
  await signInAs(demo.coordinator);
  await page.goto("/follow-ups?view=mine");
  // The default views of follow-ups stay beside the saved ones.
  const defaults = page.getByRole("navigation", { name: /Изглед|View/ });
  for (const label of ["Всички", "Моите отворени", "Просрочени", "Със срок до 7 дни"]) await expect(defaults.getByRole("link", { name: label })).toBeVisible();

  // Filter the list through its own form: the state lives in the URL.
  const filters = page.locator("main").getByRole("search").filter({ has: page.getByRole("button", { name: "Филтрирай" }) });
  await filters.getByLabel("Статус").selectOption("open");
  await filters.getByRole("button", { name: "Филтрирай" }).click();
  await expect(page).toHaveURL(/status=open/);

  const box = savedViewsBox(page);
  await box.getByLabel("Име на изгледа").fill(name);
  await box.getByRole("button", { name: "Запази текущия изглед" }).click();
  await expect(page.getByRole("status")).toContainText("Изгледът е запазен.");
  await expect(page).toHaveURL(/\/follow-ups\?.*status=open/);
  await expect(savedViewsBox(page).getByRole("link", { name })).toBeVisible();

  // From the bare list, the saved view brings the filters back.
  await page.goto("/follow-ups");
  await expect(page.locator("main").getByRole("search").getByLabel("Статус")).toHaveValue("");
  await savedViewsBox(page).getByRole("link", { name }).click();
  await expect(page).toHaveURL(/view=mine/);
  await expect(page).toHaveURL(/status=open/);
  await expect(page.locator("main").getByRole("search").getByLabel("Статус")).toHaveValue("open");
  await expect(page.getByRole("link", { name: "Моите отворени" })).toHaveAttribute("aria-current", "page");

  // Not shared yet: another staff member does not see it.
  await signInAs(demo.manager);
  await page.goto("/follow-ups");
  await expect(savedViewsBox(page)).toBeVisible();
  await expect(savedViewsBox(page).getByRole("link", { name })).toHaveCount(0);

  // Shared: the manager sees it, with who shared it, and has no Delete for it.
  await signInAs(demo.coordinator);
  await page.goto("/follow-ups");
  const viewId = await savedViewsBox(page).getByRole("listitem").filter({ hasText: name }).locator('input[name="id"]').getAttribute("value");
  expect(viewId).toMatch(/^\d+$/);
  await savedViewsBox(page).getByRole("button", { name: `Сподели изгледа „${name}“` }).click();
  await expect(page.getByRole("status")).toContainText("Изгледът е споделен с всички служители.");
  await signInAs(demo.manager);
  await page.goto("/follow-ups");
  const shared = savedViewsBox(page).getByRole("listitem").filter({ hasText: name });
  await expect(shared).toHaveCount(1);
  await expect(shared).toContainText("споделен от Елена Димитрова");
  await expect(shared.getByRole("button")).toHaveCount(0);
  // Nor can the manager delete it by a forged post.
  const forged = await page.request.post("/saved-views", { form: { intent: "delete", id: viewId ?? "" }, headers: { Origin: baseURL ?? "" }, maxRedirects: 0 });
  expect(forged.status()).toBe(404);
  const href = await shared.getByRole("link", { name }).getAttribute("href");
  expect(href).toContain("status=open");
  await shared.getByRole("link", { name }).click();
  await expect(page.locator("main").getByRole("search").getByLabel("Статус")).toHaveValue("open");

  // The owner deletes it; it is gone for everyone.
  await signInAs(demo.coordinator);
  await page.goto("/follow-ups");
  await savedViewsBox(page).getByRole("button", { name: `Изтрий изгледа „${name}“` }).click();
  await expect(page.getByRole("status")).toContainText("Изгледът е изтрит.");
  await expect(savedViewsBox(page).getByRole("link", { name })).toHaveCount(0);
});

test("every list has its saved views beside it, and a view saved on one list is not offered on another", async ({ page }) => {
  const name = `Софийски организации ${Date.now().toString(36)}`;
  await signIn(page, demo.coordinator);
  for (const list of ["/organizations", "/people", "/events", "/partnerships", "/commitments", "/follow-ups", "/refugees"]) {
    await page.goto(list);
    await expect(savedViewsBox(page), list).toBeVisible();
    await expect(savedViewsBox(page).getByRole("button", { name: "Запази текущия изглед" }), list).toBeVisible();
  }
  await page.goto("/organizations?q=%D0%A1%D0%BE%D1%84%D0%B8%D1%8F");
  await savedViewsBox(page).getByLabel("Име на изгледа").fill(name);
  await savedViewsBox(page).getByRole("button", { name: "Запази текущия изглед" }).click();
  await expect(page).toHaveURL(/\/organizations\?q=/);
  await expect(page.locator("main").getByRole("search").getByLabel("Търсене", { exact: true })).toHaveValue("София");
  await page.goto("/people");
  await expect(savedViewsBox(page).getByRole("link", { name })).toHaveCount(0);
  // The page of all views lists it under its list.
  await page.goto("/saved-views");
  await expect(page.getByRole("region", { name: "Организации", exact: true }).getByRole("link", { name })).toBeVisible();
});

test("a view without a name is refused with a message, and the list's state is kept for the retry", async ({ page }) => {
  await signIn(page, demo.coordinator);
  await page.goto("/commitments?sort=title&dir=desc");
  const box = savedViewsBox(page);
  await box.getByLabel("Име на изгледа").fill("   ");
  // The browser's own check would stop an empty name; spaces get past it to the server's.
  await box.getByRole("button", { name: "Запази текущия изглед" }).click();
  await expect(page.getByRole("alert")).toContainText("Изгледът не е запазен.");
  await expect(page.getByRole("alert")).toContainText("Задължително поле.");
  const retry = page.getByRole("alert");
  await retry.getByLabel("Име на изгледа").fill("Обратна подредба");
  await retry.getByRole("button", { name: "Запази текущия изглед" }).click();
  await expect(page).toHaveURL(/\/commitments\?sort=title&dir=desc$/);
  await expect(savedViewsBox(page).getByRole("link", { name: "Обратна подредба" })).toBeVisible();
});

test("partners have no lists and so no saved views: 404", async ({ page }) => {
  await signIn(page, demo.partnerSofia);
  const response = await page.goto("/saved-views");
  expect(response?.status()).toBe(404);
});
