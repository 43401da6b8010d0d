// Issue 13, point 8 — "Partner payloads carry internal fields": signed in as partner@sofia.demo
// against the production server, every page the partner can open is fetched over HTTP (its HTML
// and its single-fetch `.data` twin, the loader data the page's JavaScript receives), and every
// object key anywhere in each route's loader data must be on that route's allow-list. The pages
// are found by following the links of the partner's pages from /shared, so a new partner page
// without an allow-list fails here until someone decides what it may send.
import { decode } from "turbo-stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startDemoServer } from "../../scripts/lib/prod-server.ts";
import { postEvidenceUpdate } from "./http-helpers.ts";

let server: Awaited<ReturnType<typeof startDemoServer>>;
let cookie: string;

beforeAll(async () => {
  server = await startDemoServer();
  cookie = await signIn(server.url, "partner@sofia.demo");
});
afterAll(async () => {
  await server?.cleanup();
});

/** The fields each page shows (the union over all its objects), by Remix route id. */
const timelineKeys = ["id", "createdAt", "note", "statusChange", "evidenceUrl", "evidenceFileId", "evidenceFileName", "authorName", "partnerOrganizationName", "verifiedAt",
  // A report BCRM returned, with its reason, and the later report that answers it (the chain on the timeline).
  "returnedAt", "returnReason", "answersUpdateId",
  // The evidence file's type and size, shown beside its name.
  "evidenceFileType", "evidenceFileSize"];
const manifestoVersionKeys = ["version", "id", "number", "status", "titleBg", "titleEn", "publishedOn", "adoptedOn"];
const manifestoSectionKeys = [
  "sections", "id", "versionId", "sectionKey", "position", "titleBg", "titleEn", "bodyBg", "bodyEn", "niemDimensions", "createdAt", "updatedAt",
  "dimensions", "htmlBg", "htmlEn", "paragraphsBg", "source", "html",
];
const manifestoProposalKeys = [
  "id", "versionId", "versionNumber", "versionStatus", "sectionId", "sectionPosition", "sectionTitle", "sectionTitleEn", "organizationId",
  "organizationName", "refugeeContactId", "communityName", "organizationKind", "oblast", "niemDimension", "kind", "passage", "paragraphIndex",
  "proposedText", "rationale", "channel", "eventId", "eventTitle", "madeOn", "status", "answerBg", "answerEn", "answeredAt", "answeredByName",
  "acceptedIntoSectionId", "acceptedIntoTitle", "acceptedIntoVersionId", "acceptedIntoVersionNumber", "acceptedIntoVersionStatus",
];
const manifestoEndorsementKeys: string[] = [];
/** The form's one-time key (one record per form sent): every page with a form carries it. */
const formKeys = ["formKey"];
const allowList: Record<string, string[]> = {
  root: ["locale", "user", "name", "role", "navigation", "href", "label", "flash"],
  "routes/shared": [
    "organization", "id", "name", "kind", "oblast", "municipality", "address", "email", "phone", "website",
    "commitments", "title", "status", "statusVerified", "dueOn", "isLead", "timeline", ...timelineKeys,
    "followUps", "overdue",
  ],
  "routes/shared_.commitments.$id": [
    "commitment", "id", "title", "description", "status", "statusVerified", "dueOn", "leadOrganizationName", "coPledgerNames", "timeline", ...timelineKeys,
    "returnedReport", "statusChoices", ...formKeys,
  ],
  // The version goes back with the done / reopen form (optimistic locking): the page uses it.
  "routes/shared_.follow-ups.$id": [
    "followUp", "id", "title", "notes", "dueOn", "status", "overdue", "completedAt", "completionNote", "completedByName", "commitmentId", "commitmentTitle", "version",
  ],
  "routes/organizations.$id._index": [
    "organization", "id", "name", "nameLatin", "kind", "oblast", "municipality", "address", "website", "email", "phone", "description", "tags", "archived", "createdAt", "updatedAt",
    "canEdit", "archive", "history", "contacts", "records",
  ],
  "routes/search": ["q", "groups", "kind", "hits", "id", "title", "detail", "date", "href", "moreHref", "more", "scoped"],
  // The Manifesto in the portal: the published text, and the organization's own proposals and
  // endorsements (a proposal is an organization's or a community representative's: the latter's
  // fields are empty on an organization's own proposals).
  "routes/shared_.manifesto._index": [
    "organization", "name", "user", "consultation", "adopted", ...manifestoVersionKeys, ...manifestoSectionKeys,
    "proposals", ...manifestoProposalKeys, "endorsements", ...manifestoEndorsementKeys,
  ],
  "routes/shared_.manifesto.propose": ["section", ...manifestoSectionKeys, "version", "paragraph", "number"],
  "routes/shared_.manifesto.proposals.$id": ["proposal", ...manifestoProposalKeys, "createdAt", "version", "passageDiff", "text", "change"],
  "routes/profile": ["user", "name", "email", "role", "locale", "calendar", ...formKeys],
};

/** Never in a partner's page, whatever the route (the list and the like). */
const internalKeys = ["createdById", "importId", "sortKey", "searchKey", "partnerOrganizationId", "passwordHash", "calendarToken", "storageName"];

function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, into);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      into.add(key);
      keysOf(inner, into);
    }
  }
  return into;
}

/** The URL of a page's single-fetch data, as Remix's client builds it. */
function dataUrl(pagePath: string): string {
  const url = new URL(pagePath, server.url);
  url.pathname = url.pathname === "/" ? "/_root.data" : `${url.pathname.replace(/\/$/, "")}.data`;
  return url.toString();
}

type Page = { path: string; status: number; html: string; routes: Record<string, unknown> };

async function openPage(pagePath: string): Promise<Page | null> {
  const response = await fetch(new URL(pagePath, server.url), { headers: { Cookie: cookie }, redirect: "manual" });
  const html = await response.text();
  if (response.status !== 200 || !(response.headers.get("Content-Type") ?? "").startsWith("text/html")) return null;
  const data = await fetch(dataUrl(pagePath), { headers: { Cookie: cookie } });
  expect(data.status, pagePath).toBe(200);
  const decoded = await decode(data.body!);
  await decoded.done;
  const routes: Record<string, unknown> = {};
  for (const [routeId, result] of Object.entries(decoded.value as Record<string, { data?: unknown; error?: unknown }>)) {
    expect(result, `${pagePath} ${routeId}`).not.toHaveProperty("error");
    routes[routeId] = result.data;
  }
  return { path: pagePath, status: response.status, html, routes };
}

/** Same-site links of a page (no assets, no sign-out, no downloads). */
function linksOf(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<a\b[^>]*\shref="(\/[^"]*)"[^>]*>/g)) {
    if (/\sdownload[\s>=]/.test(match[0])) continue;
    const href = match[1]!.replaceAll("&amp;", "&").split("#")[0]!;
    if (!href || href.startsWith("//") || href.startsWith("/assets/") || href.startsWith("/logout")) continue;
    found.add(href);
  }
  return [...found];
}

describe("partner payloads carry only what the page shows", () => {
  it("Partner payloads carry internal fields: every partner page's loader data keys are on its allow-list", async () => {
    const portal = await openPage("/shared");
    expect(portal).not.toBeNull();
    const overview = portal!.routes["routes/shared"] as {
      organization: { id: number };
      commitments: Array<{ id: number; title: string }>;
      followUps: Array<{ id: number }>;
    };
    expect(overview.commitments.length).toBeGreaterThan(0);
    expect(overview.followUps.length).toBeGreaterThan(0);
    await postEvidenceUpdate(server.url, cookie, overview.commitments[0]!.id);

    // Start from the portal, the partner's own organization, the profile and searches that find
    // shared items; then follow every link on every page reached.
    const queue = [
      "/shared",
      "/profile",
      `/organizations/${overview.organization.id}`,
      `/search?q=${encodeURIComponent(overview.commitments[0]!.title.split(" ")[0]!)}`,
      "/search?q=%D0%B1%D0%B5%D0%B6%D0%B0%D0%BD%D1%86%D0%B8",
    ];
    const seen = new Set<string>();
    const pages: Page[] = [];
    while (queue.length && seen.size < 80) {
      const next = queue.shift()!;
      if (seen.has(next)) continue;
      seen.add(next);
      const page = await openPage(next);
      if (!page) continue;
      pages.push(page);
      for (const link of linksOf(page.html)) if (!seen.has(link)) queue.push(link);
    }

    // Every page kind the partner has was reached, with data in it.
    const reached = new Set(pages.flatMap((p) => Object.keys(p.routes)));
    for (const routeId of Object.keys(allowList)) expect(reached, routeId).toContain(routeId);
    const searchHits = pages
      .filter((p) => p.path.startsWith("/search"))
      .flatMap((p) => (p.routes["routes/search"] as { groups: Array<{ hits: unknown[] }> }).groups.flatMap((g) => g.hits));
    expect(searchHits.length).toBeGreaterThan(0);
    const withEvidence = pages.find((p) => p.path.startsWith("/shared/commitments/") && keysOf(p.routes).has("evidenceFileName"));
    expect(withEvidence, "a commitment page with an evidence file").toBeTruthy();

    const problems: string[] = [];
    for (const page of pages) {
      for (const [routeId, data] of Object.entries(page.routes)) {
        const allowed = allowList[routeId];
        if (!allowed) {
          problems.push(`${page.path}: no allow-list for route ${routeId} (decide what a partner may receive there)`);
          continue;
        }
        const keys = keysOf(data);
        expect(keys.size, `${page.path} ${routeId}`).toBeGreaterThan(0);
        const extra = [...keys].filter((k) => !allowed.includes(k));
        if (extra.length) problems.push(`${page.path} (${routeId}) sends ${extra.join(", ")}`);
      }
      // The same holds for the HTML the server renders (the data streamed into the page, quoted
      // inside a script, so the key's quotes may be escaped).
      for (const key of internalKeys) if (new RegExp(`\\b${key}\\b`).test(page.html)) problems.push(`${page.path}: the HTML carries "${key}"`);
    }
    expect(problems).toEqual([]);
  });
});
