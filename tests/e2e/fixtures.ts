import { expect, type Browser, type Page } from "@playwright/test";

export const PASSWORD = "forum2021";
export const demo = {
  admin: "admin@bcrm.demo",
  manager: "manager@bcrm.demo",
  coordinator: "coordinator@bcrm.demo",
  partnerSofia: "partner@sofia.demo",
  partnerRedCross: "partner@redcross.demo",
} as const;

/** Signs in through the real form and waits for the landing page. */
export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel(/Имейл|E-mail/).fill(email);
  await page.getByLabel(/Парола|Password/).fill(password);
  await page.getByRole("button", { name: /^(Вход|Sign in)$/ }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /^(Изход|Sign out)$/ }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** The header's main navigation links, in order. */
export async function navigationLinks(page: Page): Promise<string[]> {
  return page.getByRole("navigation", { name: /Основна навигация|Main navigation/ }).getByRole("link").allInnerTexts();
}

/**
 * Signs in once per spec file and keeps the session cookie in a file, so each test starts
 * signed in without going through the sign-in form again (`test.use({ storageState })`).
 */
export async function saveSignIn(browser: Browser, email: string, file: string) {
  // An explicit empty state: the runner would otherwise apply the spec's `storageState`, not yet written.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, email);
  await context.storageState({ path: file });
  await context.close();
}
