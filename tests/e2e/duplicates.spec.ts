// Issue 17 point 1 in a real browser: a likely duplicate shown on the new-organization form, two
// organizations merged on /duplicates choosing a field from each (the old URL opens the survivor),
// and an admin undoing the merge.
import { transliterate } from "../../app/lib/transliterate.ts";
import { demo, expect, test } from "./fixtures.ts";

test("a coordinator typing «Stolichna obshtina» sees Столична община as a likely duplicate and opens it", async ({ page, signInAs }) => {
  await signInAs(demo.coordinator);
  await page.goto("/organizations/new");
  await page.getByLabel(/^Наименование/).fill("Stolichna obshtina");
  await page.getByLabel(/^Вид/).selectOption("municipality");
  await page.getByRole("button", { name: "Запази", exact: true }).click();
  const list = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Възможни дубликати" }) });
  await expect(list).toBeVisible();
  await expect(page.getByRole("button", { name: "Запази въпреки това" })).toBeVisible();
  await list.getByRole("link", { name: "Столична община", exact: true }).click();
  await expect(page).toHaveURL(/\/organizations\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Столична община" })).toBeVisible();
});

test("a coordinator merges two organizations on /duplicates choosing a field from each; the old URL opens the survivor; an admin undoes it", async ({ page, signInAs, world }) => {
  const a = world.organization(`Сдружение Слято ${Date.now().toString(36)}`);
  const b = world.organization(transliterate(a.name));
  world.query("UPDATE organizations SET email = 'office@slyato.bg', phone = '02 111 1111' WHERE id = ? RETURNING id", a.id);
  world.query("UPDATE organizations SET email = 'info@slyato.bg', phone = '+359 2 999 8888' WHERE id = ? RETURNING id", b.id);

  await signInAs(demo.coordinator);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Основна навигация" }).getByRole("link", { name: "Дубликати" }).click();
  await expect(page).toHaveURL(/\/duplicates$/);
  const row = page.getByRole("row").filter({ hasText: a.name }).filter({ hasText: b.name });
  await expect(row).toHaveCount(1);
  await row.getByRole("link", { name: "Сравни и обедини" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Обединяване на два записа" })).toBeVisible();

  // The first record (a) remains; its e-mail stays, the phone is taken from the other.
  await page.getByRole("row", { name: /^Остава/ }).getByRole("radio").first().check();
  await page.getByRole("row", { name: /^Имейл/ }).getByRole("radio", { name: /office@slyato\.bg/ }).check();
  await page.getByRole("row", { name: /^Телефон/ }).getByRole("radio", { name: /\+359 2 999 8888/ }).check();
  await page.getByRole("button", { name: "Обедини" }).click();

  await expect(page).toHaveURL(new RegExp(`/organizations/${a.id}$`));
  await expect(page.getByText("Записите са обединени.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: a.name })).toBeVisible();
  await expect(page.getByText("office@slyato.bg")).toBeVisible();
  await expect(page.locator("dd", { hasText: "+359 2 999 8888" })).toBeVisible();
  await expect(page.locator("dd", { hasText: "02 111 1111" })).toHaveCount(0);

  await page.goto(`/organizations/${b.id}`);
  await expect(page).toHaveURL(new RegExp(`/organizations/${a.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: a.name })).toBeVisible();

  // A coordinator has no undo; an admin has.
  await page.goto("/duplicates");
  const merged = page.getByRole("listitem").filter({ hasText: b.name });
  await expect(merged).toHaveCount(1);
  await expect(merged.getByRole("button", { name: "Отмени обединяването" })).toHaveCount(0);

  await signInAs(demo.admin);
  await page.goto("/duplicates");
  await page.getByRole("listitem").filter({ hasText: b.name }).getByRole("button", { name: "Отмени обединяването" }).click();
  await expect(page).toHaveURL(new RegExp(`/organizations/${b.id}$`));
  await expect(page.getByText("Обединяването е отменено.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: b.name })).toBeVisible();
  await page.goto(`/organizations/${a.id}`);
  await expect(page.locator("dd", { hasText: "02 111 1111" })).toBeVisible();
  await expect(page.locator("dd", { hasText: "+359 2 999 8888" })).toHaveCount(0); // the history below still tells of the merge
});
