// Issue 17 point 9, reports a funder understands, as a manager sees them at 1366 px: all thirteen
// NIEM dimensions under their four areas, labels that say what they count («В ход» defined, no
// «Поети» beside the status «Поет»), the percentage in one sentence with an example, every table
// inside its panel; and «active partnerships of one project» asked from the partnerships list.
import { demo, demoData, expect, test } from "./fixtures.ts";

test.use({ viewport: { width: 1366, height: 900 } });

test("the report shows all thirteen NIEM dimensions grouped under the four areas", async ({ page, signInAs }) => {
  await signInAs(demo.manager);
  await page.goto("/reports");
  const table = page.getByRole("table", { name: "Изпълнение по измерение на НИЕМ" });
  await expect(table).toBeVisible();
  const heads = await table.locator("tbody th[scope=row]").allInnerTexts();
  expect(heads).toHaveLength(17);
  expect(heads.filter((h) => h.endsWith("– общо"))).toEqual(["Общи условия – общо", "Правна интеграция – общо", "Социално-икономическа интеграция – общо", "Социокултурна интеграция – общо"]);
  for (const dimension of ["Пребиваване", "Жилищно настаняване", "Здравеопазване", "Изграждане на мостове и насърчаване на участието", "Достъп до гражданство"]) expect(heads).toContain(dimension);
  // Legal integration heads its three dimensions.
  const legal = heads.indexOf("Правна интеграция – общо");
  expect(heads.slice(legal + 1, legal + 4)).toEqual(["Пребиваване", "Семейно единство и събиране на семейството", "Достъп до гражданство"]);
});

test("labels say what they count and the percentage is explained with an example", async ({ page, signInAs }) => {
  await signInAs(demo.manager);
  await page.goto("/reports");
  const area = page.getByRole("table", { name: "Изпълнение по област на НИЕМ" });
  const columns = await area.locator("thead th").allInnerTexts();
  expect(columns.length).toBeGreaterThan(5);
  expect(columns).not.toContain("Поети");
  expect(columns).toContain("Ангажименти");
  expect(columns).toContain("В ход");
  const glossary = page.getByRole("region", { name: "Какво значат колоните" });
  await expect(glossary).toContainText("В ход");
  await expect(glossary).toContainText("„Поет“ или „В изпълнение“");
  await expect(page.locator("main")).toContainText("например от 10 ангажимента");
  await expect(page.locator("main")).toContainText("= 66,7%");
});

test("every report table fits its panel at 1366 px", async ({ page, signInAs }) => {
  await signInAs(demo.manager);
  await page.goto("/reports");
  const tables = page.locator("main table.report-table");
  expect(await tables.count()).toBeGreaterThanOrEqual(7);
  const overflow = await tables.evaluateAll((list) =>
    list.map((t) => {
      const panel = t.parentElement!;
      return { id: t.id, table: t.scrollWidth, panel: panel.clientWidth, right: t.getBoundingClientRect().right, panelRight: panel.getBoundingClientRect().right };
    }),
  );
  for (const o of overflow) {
    expect(o.table, `${o.id}: ${o.table} px in a ${o.panel} px panel`).toBeLessThanOrEqual(o.panel);
    expect(o.right, o.id).toBeLessThanOrEqual(o.panelRight + 0.5);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
});

test("«active partnerships of one project» is asked from the partnerships list", async ({ page, signInAs }) => {
  const project = demoData.partnerships.advocacy.project;
  await signInAs(demo.coordinator);
  await page.goto("/partnerships");
  const filters = page.locator("main").getByRole("search");
  await filters.getByLabel("Проект / програма").selectOption(project);
  await filters.getByLabel("Състояние").selectOption("active");
  await filters.getByRole("button", { name: "Филтрирай" }).click();
  await expect(page).toHaveURL(/project=/);
  const rows = page.locator("main .data-table tbody tr");
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(2);
  const titles = await rows.locator("td:first-child a").allInnerTexts();
  expect(titles).toContain("Заетост за бежанци – партньорство с работодатели");
  expect(titles).not.toContain("Насочване на бежанци към социални и здравни услуги на Българския Червен кръст");
  for (const text of await rows.allInnerTexts()) expect(text).toContain(project);
});
