// Issue 13 in a real browser: a page on another port cannot write as the signed-in user, and no
// redirectTo sends the user off the app's own origin after signing in.
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { changedTables, snapshotTables } from "../integration/http-client.ts";
import { demo, PASSWORD, signIn } from "./fixtures.ts";

const databasePath = path.resolve(`data/e2e-${process.env.E2E_PORT ?? 3100}.sqlite`);

/** A tiny site on another port of the same host (so the same site for SameSite=Lax) serving one page. */
async function serveAttackPage(html: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const autoSubmittingForm = (action: string, fields: Record<string, string>) => `<!doctype html>
<html><body>
<form id="f" method="post" action="${action}">
${Object.entries(fields)
  .map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`)
  .join("\n")}
</form>
<script>document.getElementById("f").submit();</script>
</body></html>`;

test.describe("Cross-site writes through ?_data= are refused (issue 13, point 1)", () => {
  test("a page on another port auto-submitting forms to the app while the admin is signed in: refused with 403, nothing created", async ({ page, baseURL }) => {
    await signIn(page, demo.admin);
    const stamp = Date.now().toString(36);
    const attacks: { action: string; fields: Record<string, string> }[] = [
      { action: `${baseURL}/organizations/new`, fields: { name: `Подставена организация ${stamp}`, kind: "ngo" } },
      {
        action: `${baseURL}/admin/users?_data=routes%2Fadmin.users`,
        fields: { intent: "create", name: `Intruder ${stamp}`, email: `intruder-${stamp}@evil.example`, password: "intruder-password-1", role: "admin" },
      },
      { action: `${baseURL}/organizations/new.data`, fields: { name: `Подставена чрез data ${stamp}`, kind: "ngo" } },
    ];
    for (const attack of attacks) {
      const before = snapshotTables(databasePath);
      const site = await serveAttackPage(autoSubmittingForm(attack.action, attack.fields));
      try {
        const answer = page.waitForResponse((r) => r.request().method() === "POST" && r.url().startsWith(`${baseURL}/`));
        await page.goto(site.url);
        const response = await answer;
        expect(response.status(), attack.action).toBe(403);
        await expect(page.locator("body")).toContainText("This request did not come from a BCRM Partners page");
        // The cookie was sent (same site) — the refusal is the server's, not the browser's.
        expect(await response.request().headerValue("cookie")).toMatch(/__session=/);
      } finally {
        await site.close();
      }
      expect(changedTables(before, snapshotTables(databasePath)), attack.action).toEqual([]);
    }
    // Nothing shows up in the app either, and the admin is still signed in.
    await page.goto(`/organizations?q=${encodeURIComponent(stamp)}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText(`Подставена организация ${stamp}`)).toHaveCount(0);
    await page.goto("/admin/users");
    await expect(page.getByText(`intruder-${stamp}@evil.example`)).toHaveCount(0);
  });

  test("the app's own forms still write (the same form, posted from the app's page)", async ({ page }) => {
    await signIn(page, demo.coordinator);
    const name = `Собствена организация ${Date.now().toString(36)}`;
    await page.goto("/organizations/new");
    await page.getByLabel("Наименование").fill(name);
    await page.getByLabel("Вид").selectOption("ngo");
    await page.getByRole("button", { name: "Запази" }).click();
    await expect(page).toHaveURL(/\/organizations\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  });
});

test.describe("Open redirect after sign-in (issue 13, point 2)", () => {
  const hostile = [
    "/\t/evil.example",
    "//evil.example",
    "/\\evil.example",
    "https:evil.example",
    "/%09/evil.example",
    "/\u3000/evil.example",
    "//evil\uff0eexample",
    "javascript:alert(document.cookie)",
  ];
  for (const value of hostile) {
    test(`signing in from /login?redirectTo=${JSON.stringify(value)} ends on the app's own origin`, async ({ page, baseURL }) => {
      await page.goto(`/login?redirectTo=${encodeURIComponent(value)}`);
      await page.getByLabel("Имейл").fill(demo.manager);
      await page.getByLabel("Парола").fill(PASSWORD);
      await page.getByRole("button", { name: "Вход" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/login"));
      await page.waitForLoadState("load");
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    });
  }
});
