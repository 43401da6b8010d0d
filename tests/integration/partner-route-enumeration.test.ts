// Every route in app/routes, walked as a partner (partner@sofia.demo, Столична община) with the ids
// of another organization's records: each loader and action answers 404/403 (or sends the partner
// to /shared or /login), and nothing in the database changes. The table below is the decision for
// each route file; a route file without an entry fails this test, so a new route cannot ship
// without someone deciding what a partner may do there.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import {
  commitments,
  commitmentUpdates,
  events,
  followUps,
  interactions,
  organizations,
  partnerships,
  people,
  refugeeContacts,
  manifestoEndorsements,
  manifestoProposals,
  manifestoSections,
  manifestoVersions,
} from "#app/db/schema.ts";
import { MANIFESTO_DEMO } from "#app/db/seed-manifesto.server.ts";
import { call, demo, idOf, type Outcome } from "#tests/helpers.ts";

const routesDir = path.resolve("app/routes");

// ---------------------------------------------------------------- the other organization's records

const ids = {} as Record<
  | "otherOrg"
  | "ownOrg"
  | "otherCommitmentNotShared"
  | "otherCommitmentShared"
  | "otherFollowUpNotShared"
  | "otherFollowUpShared"
  | "event"
  | "otherPerson"
  | "refugee"
  | "otherPartnership"
  | "otherInteraction"
  | "otherEvidence"
  | "ownEvidence"
  | "draftVersion"
  | "draftSection"
  | "consultationSection"
  | "otherProposal"
  | "ownProposal"
  | "otherEndorsement",
  number
>;
const forbiddenTexts: string[] = [];

function one<T>(row: T | undefined, what: string): T {
  if (!row) throw new Error(`seed data lacks ${what}`);
  return row;
}

beforeAll(async () => {
  const db = getDb();
  const orgByName = (name: string) => one(db.select().from(organizations).where(eq(organizations.name, name)).get(), name).id;
  ids.otherOrg = orgByName("Български Червен кръст");
  ids.ownOrg = orgByName("Столична община");
  const commitment = (title: string) => one(db.select().from(commitments).where(eq(commitments.title, title)).get(), title);
  const notShared = commitment("Обучение на доброволци за работа с бежанци");
  ids.otherCommitmentNotShared = notShared.id;
  ids.otherCommitmentShared = commitment("Мобилни здравни консултации в регистрационно-приемателните центрове").id;
  const followUp = (title: string) => one(db.select().from(followUps).where(eq(followUps.title, title)).get(), title);
  const internal = followUp("Вътрешна оценка на насочванията към БЧК");
  ids.otherFollowUpNotShared = internal.id;
  ids.otherFollowUpShared = followUp("Обновяване на контактните точки за насочване").id;
  ids.event = one(db.select().from(events).orderBy(events.id).get(), "an event").id;
  const person = one(db.select().from(people).where(eq(people.organizationId, ids.otherOrg)).get(), "a Red Cross person");
  ids.otherPerson = person.id;
  const refugees = db.select().from(refugeeContacts).all();
  ids.refugee = one(refugees[0], "a refugee contact").id;
  const partnership = one(
    db.select().from(partnerships).where(eq(partnerships.id, idOf(demo.partnerships.referral))).get(),
    "the referral partnership",
  );
  ids.otherPartnership = partnership.id;
  const interaction = one(db.select().from(interactions).where(eq(interactions.organizationId, ids.otherOrg)).get(), "a Red Cross interaction");
  ids.otherInteraction = interaction.id;
  forbiddenTexts.push(notShared.title, internal.title, person.name, interaction.subject, ...refugees.map((r) => r.name));

  // Evidence on the Red Cross's own commitment, posted by the Red Cross partner; and one of Sofia's own.
  const shared = await import("#app/routes/shared_.commitments.$id.tsx");
  const pdf = fs.readFileSync(path.resolve("tests/fixtures/evidence.pdf"));
  async function evidenceOn(commitmentId: number, as: "partnerRedCross" | "partnerSofia") {
    const form = new FormData();
    form.set("intent", "update");
    form.set("note", "Доказателство");
    form.set("evidenceFile", new File([new Uint8Array(pdf)], "evidence.pdf", { type: "application/pdf" }));
    const r = await call(shared, "action", { path: `/shared/commitments/${commitmentId}`, params: { id: String(commitmentId) }, as, form });
    expect(r.status).toBe(302);
    return db.select().from(commitmentUpdates).where(eq(commitmentUpdates.commitmentId, commitmentId)).orderBy(sql`id DESC`).get()!.evidenceFileId!;
  }
  ids.otherEvidence = await evidenceOn(ids.otherCommitmentShared, "partnerRedCross");
  const ownCommitment = one(
    db.select().from(commitments).where(and(eq(commitments.leadOrganizationId, ids.ownOrg), eq(commitments.sharedWithPartner, true))).get(),
    "a shared Sofia commitment",
  );
  ids.ownEvidence = await evidenceOn(ownCommitment.id, "partnerSofia");

  // The Manifesto: a draft (never published), the text open for consultation, the Red Cross's proposal and endorsement.
  const version = (status: "draft" | "consultation") => one(db.select().from(manifestoVersions).where(eq(manifestoVersions.status, status)).orderBy(sql`number DESC`).get(), `a ${status} version`);
  ids.draftVersion = version("draft").id;
  const draftSection = one(db.select().from(manifestoSections).where(eq(manifestoSections.versionId, ids.draftVersion)).get(), "a draft section");
  ids.draftSection = draftSection.id;
  ids.consultationSection = one(db.select().from(manifestoSections).where(eq(manifestoSections.versionId, version("consultation").id)).get(), "a consultation section").id;
  const otherProposal = one(db.select().from(manifestoProposals).where(eq(manifestoProposals.organizationId, ids.otherOrg)).get(), "a Red Cross proposal");
  ids.otherProposal = otherProposal.id;
  ids.ownProposal = one(db.select().from(manifestoProposals).where(eq(manifestoProposals.organizationId, ids.ownOrg)).get(), "a Sofia proposal").id;
  ids.otherEndorsement = one(db.select().from(manifestoEndorsements).where(eq(manifestoEndorsements.organizationId, ids.otherOrg)).get(), "a Red Cross endorsement").id;
  const unlisted = db.select({ name: organizations.name }).from(manifestoEndorsements).innerJoin(organizations, eq(organizations.id, manifestoEndorsements.organizationId)).where(eq(manifestoEndorsements.listPublicly, false)).all();
  forbiddenTexts.push(MANIFESTO_DEMO.draftOnlySentence, otherProposal.proposedText, ...unlisted.map((u) => u.name));
});

// ---------------------------------------------------------------- the decision for every route file

type Expectation =
  /** 404 or 403: out of the partner's reach. */
  | "denied"
  /** A redirect whose Location starts with this path (/shared for partners' start page, /login). */
  | { redirect: string }
  /** Partner-allowed: this status, and none of the other organization's texts in the answer. */
  | { allowed: number }
  /** Not called, and why. */
  | { skip: string };

type Case = {
  params?: Record<string, () => string>;
  /** A function when it names a record whose id is known only once the seed data is read. */
  query?: string | (() => string);
  /** Overrides the forged form posted to actions. */
  form?: () => Record<string, string>;
  expect: Expectation;
};

type Entry = { loader?: Case | Case[]; action?: Case | Case[] };

const id = (key: keyof typeof ids) => () => String(ids[key]);
const denied: Case = { expect: "denied" };
const withId = (key: keyof typeof ids, expectation: Expectation = "denied"): Case => ({ params: { id: id(key) }, expect: expectation });
const both = (c: Case): Entry => ({ loader: c, action: c });

/** What a hostile partner would post: every kind of field, pointing at the other organization's records. */
const forgedForm = (): Record<string, string> => ({
  intent: "update",
  version: "1",
  name: "Подправено",
  title: "Подправено",
  subject: "Подправено",
  note: "Подправено",
  kind: "ngo",
  status: "withdrawn",
  organizationId: String(ids.otherOrg),
  leadOrganizationId: String(ids.otherOrg),
  commitmentId: String(ids.otherCommitmentNotShared),
  followUpId: String(ids.otherFollowUpNotShared),
  personId: String(ids.otherPerson),
  refugeeContactId: String(ids.refugee),
  eventId: String(ids.event),
  partnershipId: String(ids.otherPartnership),
  sharedWithOrganizationId: String(ids.otherOrg),
  assigneeId: String(idOf(demo.users.partnerSofia)),
  role: "admin",
  email: "partner@sofia.demo",
  locale: "en",
});

const routeTable: Record<string, Entry> = {
  // Start page: partners are sent to their portal.
  "_index.tsx": { loader: { expect: { redirect: "/shared" } }, action: { expect: { redirect: "/shared" } } },
  // Public or the partner's own account.
  "login.tsx": {
    loader: { expect: { redirect: "/shared" } },
    action: { form: () => ({ email: "partner@redcross.demo", password: "wrong-password" }), expect: { allowed: 401 } },
  },
  "logout.tsx": { loader: { expect: { redirect: "/login" } }, action: { expect: { skip: "ends the session the other cases use; covered by auth tests" } } },
  "set-locale.tsx": { loader: { expect: { redirect: "/" } }, action: { form: () => ({ locale: "xx" }), expect: { redirect: "/" } } },
  "healthz.ts": { loader: { expect: { allowed: 200 } } },
  "profile.tsx": { loader: { expect: { allowed: 200 } }, action: { form: () => ({ intent: "forged", role: "admin" }), expect: { allowed: 400 } } },
  // The pickers' search source: staff only.
  "choices.$kind.ts": {
    loader: [
      { params: { kind: () => "organizations" }, query: "q=Червен", expect: "denied" },
      { params: { kind: () => "people" }, query: "q=а", expect: "denied" },
      { params: { kind: () => "commitments" }, query: "q=Обучение", expect: "denied" },
    ],
  },
  "search.tsx": { loader: [{ query: "q=бежанци", expect: { allowed: 200 } }, { query: "q=Обучение на доброволци", expect: { allowed: 200 } }, { query: "q=Фатима", expect: { allowed: 200 } }] },
  // The partner portal: their own overview; the other organization's items are not found.
  "shared.tsx": { loader: { expect: { allowed: 200 } } },
  "shared_.commitments.$id.tsx": {
    loader: [withId("otherCommitmentNotShared"), withId("otherCommitmentShared")],
    action: [
      { ...withId("otherCommitmentNotShared"), form: () => ({ intent: "update", note: "Подправен доклад", proposedStatus: "fulfilled" }) },
      { ...withId("otherCommitmentShared"), form: () => ({ intent: "update", note: "Подправен доклад", proposedStatus: "fulfilled" }) },
    ],
  },
  "shared_.follow-ups.$id.tsx": {
    loader: [withId("otherFollowUpNotShared"), withId("otherFollowUpShared")],
    action: [
      { ...withId("otherFollowUpNotShared"), form: () => ({ intent: "complete", version: "1" }) },
      { ...withId("otherFollowUpShared"), form: () => ({ intent: "complete", version: "1" }) },
    ],
  },
  "evidence.$id.ts": { loader: [withId("otherEvidence"), withId("ownEvidence", { allowed: 200 })] },
  "partner-updates.tsx": both(denied),
  // Staff registries: nothing for partners, whatever the id.
  "organizations._index.tsx": both(denied),
  "organizations.new.tsx": both(denied),
  "organizations.$id._index.tsx": both(withId("otherOrg")),
  "organizations.$id.edit.tsx": both(withId("otherOrg")),
  "people._index.tsx": both(denied),
  "people.new.tsx": both(denied),
  "people.$id._index.tsx": both(withId("otherPerson")),
  "people.$id.edit.tsx": both(withId("otherPerson")),
  "refugees._index.tsx": both(denied),
  "refugees.new.tsx": both(denied),
  "refugees.$id._index.tsx": both(withId("refugee")),
  "refugees.$id.edit.tsx": both(withId("refugee")),
  "refugees.$id.erase.tsx": both(withId("refugee")),
  "events._index.tsx": both(denied),
  "events.new.tsx": both(denied),
  "events.$id._index.tsx": both(withId("event")),
  "events.$id.edit.tsx": both(withId("event")),
  "events.$id.refugees.tsx": both(withId("event")),
  // The year in review of a forum edition and its files: staff only (the first event is the 2020 forum).
  "events.$id.review.tsx": both(withId("event")),
  "events.$id.review[.pdf].ts": { loader: [withId("event"), { ...withId("event"), query: "lang=en" }] },
  "events.$id.review[.xlsx].ts": { loader: withId("event") },
  // Integration stories name refugee contacts: never for partners (story 1 is seeded).
  "stories._index.tsx": { loader: [denied, { query: "q=Самир", expect: "denied" }] },
  "stories.new.tsx": both(denied),
  "stories.$id._index.tsx": both({ params: { id: () => "1" }, expect: "denied" }),
  "stories.$id.edit.tsx": both({ params: { id: () => "1" }, expect: "denied" }),
  // Invitations, the door and attendance are for those who run events (issue 21).
  "events.$id.invitations.tsx": both(withId("event")),
  "events.$id.invitations_.$file.ts": {
    loader: [
      { params: { id: id("event"), file: () => "invitees.csv" }, expect: "denied" },
      { params: { id: id("event"), file: () => "attendance.xlsx" }, expect: "denied" },
    ],
  },
  "events.$id.check-in.tsx": both(withId("event")),
  "events.$id.attendance.tsx": { loader: withId("event") },
  // The invitee's page needs no session, only its secret token: a made-up one is not found.
  "rsvp.$token.tsx": both({ params: { token: () => "0123456789abcdef".repeat(4) }, expect: "denied" }),
  "partnerships._index.tsx": both(denied),
  "partnerships.new.tsx": both(denied),
  "partnerships.$id._index.tsx": both(withId("otherPartnership")),
  "partnerships.$id.edit.tsx": both(withId("otherPartnership")),
  "commitments._index.tsx": both(denied),
  "commitments.new.tsx": both(denied),
  "commitments.$id._index.tsx": both(withId("otherCommitmentNotShared")),
  "commitments.$id.edit.tsx": both(withId("otherCommitmentNotShared")),
  "follow-ups._index.tsx": both(denied),
  "follow-ups.new.tsx": both(denied),
  "follow-ups.$id._index.tsx": { loader: [withId("otherFollowUpNotShared"), withId("otherFollowUpShared")], action: [withId("otherFollowUpNotShared"), withId("otherFollowUpShared")] },
  "follow-ups.$id.edit.tsx": both(withId("otherFollowUpNotShared")),
  "interactions.new.tsx": both(denied),
  "interactions.$id.edit.tsx": both(withId("otherInteraction")),
  // Exports, reports, audit, users and backups are staff (or admin) only.
  "exports._index.tsx": both(denied),
  "exports.$file.ts": { loader: [{ params: { file: () => "organizations.csv" }, expect: "denied" }, { params: { file: () => "partnerships.xlsx" }, expect: "denied" }] },
  // Imports are for coordinators and admins.
  "imports._index.tsx": both(denied),
  "imports.$id.tsx": both({ params: { id: () => "1" }, expect: "denied" }),
  "reports._index.tsx": both(denied),
  // Saved views of lists (issue 17): partners have no lists.
  "saved-views.tsx": both(denied),
  "reports.export[.csv].ts": both(denied),
  "reports.export[.xlsx].ts": both(denied),
  // The calendar feed needs no session, only its secret token: a guessed one is not found.
  "calendar.$token[.ics].ts": { loader: { params: { token: () => "0123456789abcdef0123456789abcdef" }, expect: "denied" } },
  "admin.audit.tsx": both(denied),
  "admin.users.tsx": both(denied),
  "admin.outbox.tsx": both(denied),
  "admin.backups._index.tsx": both(denied),
  "admin.backups.$name.ts": both({ params: { name: () => "bcrm-backup.sqlite" }, expect: "denied" }),
  // The Manifesto: the staff workspace is closed to partners; the public page needs no sign-in and
  // shows nothing unpublished or unlisted; partners take part only through /shared/manifesto.
  "manifesto._index.tsx": both(denied),
  "manifesto.versions.$id.tsx": both(withId("draftVersion")),
  "manifesto.sections.$id.tsx": both(withId("draftSection")),
  "manifesto.compare.tsx": { loader: { query: `a=1&b=2`, expect: "denied" } },
  "manifesto.proposals._index.tsx": { loader: denied },
  "manifesto.proposals.new.tsx": both(denied),
  "manifesto.proposals.$id.tsx": both(withId("otherProposal")),
  "manifesto.endorsements._index.tsx": both(denied),
  "manifesto.endorsements.new.tsx": both(denied),
  "manifesto.reports.tsx": { loader: denied },
  "manifesto.export.$file.ts": { loader: [{ params: { file: () => "proposals.csv" }, expect: "denied" }, { params: { file: () => "endorsers.xlsx" }, expect: "denied" }] },
  "manifesto.public.tsx": { loader: [{ expect: { allowed: 200 } }, { query: "v=1", expect: "denied" }] },
  "shared_.manifesto._index.tsx": {
    loader: { expect: { allowed: 200 } },
    action: [
      // The forged form carries fields this form does not have: refused (400), audited, nothing written.
      { expect: { allowed: 400 } },
      { form: () => ({ intent: "endorse", versionId: "3", signatoryName: "Подправено", organizationId: String(ids.otherOrg) }), expect: "denied" },
      { form: () => ({ intent: "withdraw", endorsementId: String(ids.otherEndorsement) }), expect: "denied" },
      { form: () => ({ intent: "listing", endorsementId: String(ids.otherEndorsement), listPublicly: "", version: "1" }), expect: "denied" },
    ],
  },
  "shared_.manifesto.propose.tsx": {
    loader: [
      { query: () => `section=${ids.draftSection}`, expect: "denied" },
      { query: () => `section=${ids.consultationSection}`, expect: { allowed: 200 } },
      { expect: { redirect: "/shared/manifesto" } },
    ],
    action: [
      { expect: { allowed: 400 } },
      { form: () => ({ intent: "propose", sectionId: String(ids.consultationSection), kind: "idea", proposedText: "Подправено", niemDimension: "housing", organizationId: String(ids.otherOrg) }), expect: "denied" },
      { form: () => ({ intent: "propose", sectionId: String(ids.draftSection), kind: "idea", proposedText: "Подправено", niemDimension: "housing" }), expect: "denied" },
    ],
  },
  "shared_.manifesto.proposals.$id.tsx": { loader: [withId("otherProposal"), withId("ownProposal", { allowed: 200 })] },
  // Duplicates and merging are staff record keeping (coordinators and admins).
  "duplicates._index.tsx": both(denied),
  "duplicates.merge.tsx": {
    loader: { query: "kind=organization&a=1&b=2", expect: "denied" },
    action: { form: () => ({ kind: "organization", a: "1", b: "2", versionA: "1", versionB: "1", survivor: "a" }), expect: "denied" },
  },
};

// ---------------------------------------------------------------- helpers

function routeFiles(): string[] {
  return fs
    .readdirSync(routesDir)
    .filter((f) => /\.(tsx?|jsx?)$/.test(f) && !/\.test\.(tsx?|jsx?)$/.test(f) && !f.startsWith("."))
    .sort();
}

/** The URL a route file answers, with the case's params filled in (for the request's path only). */
function urlOf(file: string, params: Record<string, string>, query?: string): string {
  const segments = file
    .replace(/\.(tsx?|jsx?)$/, "")
    // `[.csv]` is a literal dot: keep it out of the split.
    .replace(/\[(.*?)\]/g, (_, literal: string) => literal.replace(/\./g, "\u0000"))
    .split(".")
    .map((s) => s.replace(/\u0000/g, "."))
    .filter((s) => s !== "_index")
    .map((s) => s.replace(/_$/, ""))
    .map((s) => (s.startsWith("$") ? (params[s.slice(1)] ?? "1") : s));
  return `/${segments.join("/")}`.replace(/\/+$/, "") + (query ? `?${query}` : "") || "/";
}

/** A digest of every table the app writes, except the audit log and sessions (which may grow). */
function databaseDigest(): string {
  const sqlite = getDb().$client;
  const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>)
    .map((t) => t.name)
    .filter((name) => !["audit_entries", "sessions"].includes(name) && !name.startsWith("sqlite_"));
  const hash = crypto.createHash("sha256");
  for (const table of tables) {
    const rows = (sqlite.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
    hash.update(`${table}\n${rows.join("\n")}\n`);
  }
  return hash.digest("hex");
}

function uploadedFiles(): number {
  const dir = process.env.UPLOAD_DIR!;
  return fs.existsSync(dir) ? fs.readdirSync(dir).length : 0;
}

function cases(c: Case | Case[] | undefined): Case[] {
  return c === undefined ? [] : Array.isArray(c) ? c : [c];
}

async function bodyText(outcome: Outcome): Promise<string> {
  if (outcome.response) return outcome.response.clone().text();
  return JSON.stringify(outcome.data ?? null);
}

function assertExpectation(outcome: Outcome, expectation: Expectation, label: string) {
  if (expectation === "denied") {
    expect([403, 404], `${label}: expected 404/403, got ${outcome.status}`).toContain(outcome.status);
  } else if ("redirect" in expectation) {
    expect(outcome.status, `${label}: expected a redirect`).toBe(302);
    const location = outcome.response?.headers.get("Location") ?? "";
    expect(location === expectation.redirect || location.startsWith(`${expectation.redirect}?`), `${label}: redirected to ${location}`).toBe(true);
  } else if ("allowed" in expectation) {
    expect(outcome.status, label).toBe(expectation.allowed);
  }
}

// ---------------------------------------------------------------- the test

describe("partner route enumeration", () => {
  it("every route file in app/routes has an access decision in the table", () => {
    const missing = routeFiles().filter((f) => !(f in routeTable));
    expect(missing, `route files without an entry in partner-route-enumeration.test.ts: ${missing.join(", ")}`).toEqual([]);
    const stale = Object.keys(routeTable).filter((f) => !routeFiles().includes(f));
    expect(stale, `entries for route files that no longer exist: ${stale.join(", ")}`).toEqual([]);
  });

  it("as a partner with another organization's ids, every loader and action is 404/403 (or a redirect) and nothing changes", async () => {
    const before = { digest: databaseDigest(), files: uploadedFiles() };
    const checked: string[] = [];
    for (const file of routeFiles()) {
      const entry = routeTable[file];
      if (!entry) continue; // reported by the test above
      const mod = (await import(/* @vite-ignore */ path.join(routesDir, file))) as {
        loader?: (args: unknown) => unknown;
        action?: (args: unknown) => unknown;
      };
      for (const kind of ["loader", "action"] as const) {
        const exported = typeof mod[kind] === "function";
        const planned = cases(entry[kind]);
        if (exported) expect(planned.length, `${file} exports a ${kind} but the table has no case for it`).toBeGreaterThan(0);
        if (!exported) continue;
        for (const c of planned) {
          if (typeof c.expect === "object" && "skip" in c.expect) continue;
          const params = Object.fromEntries(Object.entries(c.params ?? {}).map(([k, v]) => [k, v()]));
          const query = typeof c.query === "function" ? c.query() : c.query;
          const label = `${kind} ${file} ${JSON.stringify(params)}${query ? `?${query}` : ""}`;
          const outcome = await call(mod, kind, {
            path: urlOf(file, params, query),
            params,
            as: "partnerSofia",
            form: kind === "action" ? (c.form ?? forgedForm)() : undefined,
          });
          assertExpectation(outcome, c.expect, label);
          // Whatever a partner may open, none of the other organization's records shows in it.
          const text = await bodyText(outcome);
          for (const forbidden of forbiddenTexts) expect(text.includes(forbidden), `${label} shows «${forbidden}»`).toBe(false);
          expect({ digest: databaseDigest(), files: uploadedFiles() }, `${label} changed the database or stored a file`).toEqual(before);
          checked.push(label);
        }
      }
    }
    expect(checked.length).toBeGreaterThan(40);
  });
});
