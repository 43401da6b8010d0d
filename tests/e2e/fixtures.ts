import path from "node:path";
import { test as base, expect, type Browser, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { commitmentDerived, organizationKeys, personKeys, titledKeys } from "../../app/db/derived.ts";
import { type DemoRecord, demoId, demoPath } from "../demo-handles.ts";

export { expect };
export { demo as demoData, demoName, type DemoRecord } from "../demo-handles.ts";

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

// ---------------------------------------------------------------- a spec's own world

/**
 * The database of the server under test (playwright.config.ts: data/e2e-<E2E_PORT>.sqlite), opened
 * beside it: specs create the records they need here instead of relying on each other's seed records.
 */
function e2eDatabase(): Database.Database {
  const file = path.resolve("data", `e2e-${process.env.E2E_PORT ?? 3100}.sqlite`);
  const db = new Database(file);
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  return db;
}

export type WorldOrganization = { id: number; name: string };
export type WorldPartner = { id: number; email: string; name: string; organization: WorldOrganization };
export type WorldCommitment = { id: number; title: string };

/** Records made for one test, each with a unique name; the demo's users and password are reused. */
export class World {
  private readonly unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  private count = 0;
  constructor(private readonly db: Database.Database) {}

  private name(prefix: string) {
    return `${prefix} ${this.unique}-${++this.count}`;
  }

  organization(name = this.name("Община за теста")): WorldOrganization {
    const keys = organizationKeys({ name });
    const id = (this.db
      .prepare("INSERT INTO organizations (name, name_latin, sort_key, search_key, kind, oblast) VALUES (?, ?, ?, ?, 'municipality', 'BG-22') RETURNING id")
      .get(name, keys.nameLatin, keys.sortKey, keys.searchKey) as { id: number }).id;
    return { id, name };
  }

  /** A partner user of `organization` (a new one by default) who signs in with the demo password. */
  partner(organization = this.organization()): WorldPartner {
    const email = `partner-${this.unique}-${++this.count}@e2e.demo`;
    const name = this.name("Партньор");
    // The demo password's hash, so `signInAs` needs no password of its own.
    const { hash } = this.db.prepare("SELECT password_hash AS hash FROM users WHERE email = ?").get(demo.partnerSofia) as { hash: string };
    const id = (this.db
      .prepare("INSERT INTO users (email, name, password_hash, role, organization_id, locale) VALUES (?, ?, ?, 'partner', ?, 'bg') RETURNING id")
      .get(email, name, hash, organization.id) as { id: number }).id;
    return { id, email, name, organization };
  }

  /** A pledged commitment led by `organization`, shared with it (so its partners see it on /shared). */
  sharedCommitment(organization: WorldOrganization, title = this.name("Ангажимент за теста")): WorldCommitment {
    const keys = commitmentDerived({ title, niemDimension: "housing" });
    const id = (this.db
      .prepare(
        `INSERT INTO commitments (title, sort_key, search_key, lead_organization_id, niem_dimension, niem_area, kind, shared_with_partner)
         VALUES (?, ?, ?, ?, 'housing', ?, 'service', 1) RETURNING id`,
      )
      .get(title, keys.sortKey, keys.searchKey, organization.id, keys.niemArea) as { id: number }).id;
    return { id, title };
  }

  /** A person (no organization) with this name, e-mail and languages (issue 21's invitation tests). */
  person(name: string, email: string | null, languages: string | null = null): { id: number; name: string } {
    const keys = personKeys({ name, email });
    const id = (this.db
      .prepare("INSERT INTO people (name, name_latin, sort_key, search_key, email, languages) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
      .get(name, keys.nameLatin, keys.sortKey, keys.searchKey, email, languages) as { id: number }).id;
    return { id, name };
  }

  /** An event two weeks from today, so its invitations' personal links work. */
  event(title = this.name("Кръгла маса за теста")): { id: number; title: string } {
    const keys = titledKeys({ title });
    const startsOn = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const id = (this.db
      .prepare("INSERT INTO events (title, sort_key, search_key, kind, starts_on, place) VALUES (?, ?, ?, 'round_table', ?, 'София') RETURNING id")
      .get(title, keys.sortKey, keys.searchKey, startsOn) as { id: number }).id;
    return { id, title };
  }

  /** A demo record's id on the server under test, by its handle: `world.demoId(demoData.organizations.sofiaMunicipality)`. */
  demoId(record: DemoRecord): number {
    return demoId(this.db, record);
  }

  /** A demo record's detail page on the server under test (`/organizations/17`). */
  demoUrl(record: DemoRecord): string {
    return demoPath(this.db, record);
  }

  /** Runs a read against the server's database (for what the UI does not show, such as an evidence file's id). */
  query<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.db.prepare(sql).get(...params) as T | undefined;
  }
}

type Fixtures = {
  /** Creates the records this test needs (see World). */
  world: World;
  /** Signs in by cookie (the session comes from POST /login, without the form), replacing any earlier session. */
  signInAs: (email: string) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  world: async ({}, use) => {
    const db = e2eDatabase();
    await use(new World(db));
    db.close();
  },
  signInAs: async ({ page, baseURL }, use) => {
    await use(async (email: string) => {
      await page.context().clearCookies();
      const response = await page.request.post("/login", {
        form: { email, password: PASSWORD, redirectTo: "/" },
        headers: { Origin: baseURL ?? "" },
        maxRedirects: 0,
      });
      expect(response.status(), `sign-in as ${email}`).toBe(302);
    });
  },
});
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

/** A demo record's detail page on the server under test, for specs without the `world` fixture. */
export function demoUrl(record: DemoRecord): string {
  const db = e2eDatabase();
  try {
    return demoPath(db, record);
  } finally {
    db.close();
  }
}
