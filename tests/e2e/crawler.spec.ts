// Every page each demo user can reach, checked in a real browser against the production build:
// no server error, no NUL byte on the wire, no U+FFFD on screen, no console error, CSP
// violation or hydration warning, no serious or critical axe-core violation, and no sideways
// scrolling on a 390 px wide phone.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demo, signIn } from "./fixtures.ts";

/** Each URL pattern (/organizations/:id) is visited at most this often per user. */
const VISITS_PER_PATTERN = 2;
/** And no user's crawl visits more pages than this. */
const MAX_PAGES_PER_USER = 90;

/**
 * axe-core is most of the crawl's time (1–3 s a page), so each user runs it once per kind of page
 * (what a role sees differs: buttons, forms, navigation). Every visit gets every other check, and
 * each user checks each kind of page's width at 390 px.
 */
type Role = { name: string; email: string; seeds: string[]; mustVisit: string[] };

const staffSeeds = ["/", "/search?q=sofia", "/profile"];
const readable = ["/organizations/:id", "/people/:id", "/events/:id", "/partnerships/:id", "/commitments/:id", "/follow-ups/:id", "/refugees/:id", "/reports"];
const editable = [
  "/organizations/:id/edit",
  "/people/:id/edit",
  "/events/:id/edit",
  "/partnerships/:id/edit",
  "/commitments/:id/edit",
  "/follow-ups/:id/edit",
  "/interactions/:id/edit",
  "/refugees/:id/edit",
];
const partnerMustVisit = ["/shared", "/shared/commitments/:id", "/shared/follow-ups/:id"];
const roles: Role[] = [
  { name: "admin", email: demo.admin, seeds: staffSeeds, mustVisit: [...readable, ...editable, "/admin/users", "/admin/audit", "/admin/outbox", "/admin/backups"] },
  { name: "manager", email: demo.manager, seeds: staffSeeds, mustVisit: [...readable, "/exports"] },
  { name: "coordinator", email: demo.coordinator, seeds: staffSeeds, mustVisit: [...readable, ...editable, "/imports"] },
  { name: "partner (Sofia)", email: demo.partnerSofia, seeds: ["/shared", "/search?q=sofia", "/profile"], mustVisit: partnerMustVisit },
  { name: "partner (Red Cross)", email: demo.partnerRedCross, seeds: ["/shared", "/search?q=sofia", "/profile"], mustVisit: partnerMustVisit },
];

/** Links the crawler does not follow: files to download, and signing out. */
const notPages = [/^\/logout/, /^\/exports\/./, /^\/evidence\//, /^\/calendar\//, /^\/admin\/backups\/./, /^\/reports\/export/, /\.(csv|xlsx|ics|json|pdf|zip)$/, /^\/manifesto\/export\//, /^\/events\/\d+\/(invitations|attendance)\.(csv|xlsx)$/];

function patternOf(pathname: string): string {
  return pathname.replace(/\/\d+(?=\/|$)/g, "/:id");
}

test("every page each demo user reaches is sound", async ({ browser }) => {
  // Three to five minutes alone on two cores; the margin is for a machine busy with other work.
  test.setTimeout(900_000);
  const problems: string[] = [];
  /** `${user} ${pattern}` of the pages axe has checked. */
  const axeChecked = new Set<string>();
  let pagesVisited = 0;

  for (const role of roles) {
    await test.step(role.name, async () => {
      const t0 = Date.now();
      const context = await browser.newContext();
      const page = await context.newPage();
      const visitsPerPattern = await crawl(page, role, problems, axeChecked);
      await context.close();
      const visited = [...visitsPerPattern.values()].reduce((a, b) => a + b, 0);
      pagesVisited += visited;
      console.log(`crawler: ${role.name} visited ${visited} pages of ${visitsPerPattern.size} kinds in ${Math.round((Date.now() - t0) / 1000)} s`);
      expect(visited, `${role.name} visited pages`).toBeGreaterThan(2);
      const missed = role.mustVisit.filter((p) => !visitsPerPattern.has(p));
      expect(missed, `${role.name} reached every kind of page it must`).toEqual([]);
    });
  }

  expect(pagesVisited, "the crawl visited pages").toBeGreaterThan(50);
  expect(problems).toEqual([]);
});

/** Visits what `role` can reach (breadth first, bounded); returns the visits per URL pattern. */
async function crawl(page: Page, role: Role, problems: string[], axeChecked: Set<string>): Promise<Map<string, number>> {
  let pageErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || /hydrat|did not match/i.test(message.text())) pageErrors.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => pageErrors.push(`uncaught: ${error.message}`));
  // CSP violations, whether or not the browser also logs them.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });

  await signIn(page, role.email);
  const origin = new URL(page.url()).origin;
  const navigation = await page.getByRole("navigation", { name: /Основна навигация|Main navigation/ }).getByRole("link").evaluateAll((links) =>
    links.map((a) => a.getAttribute("href") ?? ""),
  );
  const queue: string[] = [...role.seeds, ...navigation];
  const seen = new Set<string>();
  const visitsPerPattern = new Map<string, number>();
  const patternsChecked = new Set<string>();
  let visited = 0;

  while (queue.length && visited < MAX_PAGES_PER_USER) {
    // A kind of page not seen yet goes first, so the bound cuts repeats, not kinds.
    const fresh = queue.findIndex((u) => !visitsPerPattern.has(patternOf(new URL(u, origin).pathname)));
    const url = queue.splice(Math.max(fresh, 0), 1)[0];
    if (seen.has(url)) continue;
    seen.add(url);
    const pattern = patternOf(new URL(url, origin).pathname);
    const visits = visitsPerPattern.get(pattern) ?? 0;
    if (visits >= VISITS_PER_PATTERN) continue;
    visitsPerPattern.set(pattern, visits + 1);
    visited++;
    pageErrors = [];
    const where = `${role.name} ${url}`;

    const response = await page.goto(url);
    const status = response?.status() ?? 0;
    if (status >= 500) problems.push(`${where}: status ${status}`);
    // The bytes exactly as the server sent them.
    const bytes = (await response?.body()) ?? Buffer.alloc(0);
    if (bytes.includes(0)) problems.push(`${where}: NUL byte at ${bytes.indexOf(0)}`);
    if (!(response?.headers()["content-type"] ?? "").includes("text/html")) continue;
    // Hydrated: the router exists and React had two frames to report mismatches. (Polled in the
    // page: waitForFunction compiles its predicate with eval, which the CSP rightly refuses.)
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          // A page without scripts (the public Manifesto, served whole for caching) has nothing to hydrate.
          if (!document.querySelector("script[type=module]")) return resolve();
          const hydrated = () => ("__remixRouter" in window ? requestAnimationFrame(() => requestAnimationFrame(() => resolve())) : setTimeout(hydrated, 20));
          hydrated();
        }),
    );

    const screen = await page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      values: [...document.querySelectorAll("input, textarea, select")].map((el) => (el as HTMLInputElement).value),
      csp: (window as unknown as { __csp?: string[] }).__csp ?? [],
    }));
    const replacement = screen.html.indexOf("\uFFFD");
    if (replacement >= 0) problems.push(`${where}: U+FFFD on the page near «${screen.html.slice(Math.max(0, replacement - 40), replacement + 10)}»`);
    if (screen.values.some((v) => v.includes("\uFFFD"))) problems.push(`${where}: U+FFFD in a field's value`);
    for (const violation of screen.csp) problems.push(`${where}: CSP violation ${violation}`);

    if (!patternsChecked.has(pattern)) {
      patternsChecked.add(pattern);
      if (!axeChecked.has(`${role.name} ${pattern}`)) {
        axeChecked.add(`${role.name} ${pattern}`);
        const axe = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).analyze();
        for (const v of axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
          problems.push(`${where}: axe ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
        }
      }
      await page.setViewportSize({ width: 390, height: 844 });
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      await page.setViewportSize({ width: 1280, height: 720 });
      if (scrollWidth > 390) problems.push(`${where}: scrolls sideways at 390 px (${scrollWidth} px wide)`);
    }
    for (const error of pageErrors) problems.push(`${where}: ${error}`);

    // getAttribute, not .href: an SVG link's (the charts' bars) .href is not a string.
    const links = await page.locator("a[href]").evaluateAll((anchors) => anchors.map((a) => new URL(a.getAttribute("href") ?? "", document.baseURI).href));
    for (const href of links) {
      const target = new URL(href);
      if (target.origin !== origin || notPages.some((re) => re.test(target.pathname))) continue;
      const path = target.pathname + target.search;
      if (!seen.has(path)) queue.push(path);
    }
  }
  return visitsPerPattern;
}
