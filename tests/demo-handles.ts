// Named handles for the demo's records (app/db/demo-data/): a test finds a seeded record through its
// handle (demo.organizations.sofiaMunicipality) instead of a Bulgarian title prefix or a hard-coded id.
// The handle is the record object itself; its id is looked up by the record's unique name, title,
// subject or e-mail, so renaming a record in the data module moves every test with it.
// Plain relative imports and no server modules: Playwright (tests/e2e/fixtures.ts) uses this too.
import Database from "better-sqlite3";
import { demoCommitments } from "../app/db/demo-data/commitments.ts";
import { demoEvents } from "../app/db/demo-data/events.ts";
import { demoFollowUps } from "../app/db/demo-data/follow-ups.ts";
import { demoInteractions } from "../app/db/demo-data/interactions.ts";
import { demoOrganizations } from "../app/db/demo-data/organizations.ts";
import { demoPartnerships } from "../app/db/demo-data/partnerships.ts";
import { demoPeople } from "../app/db/demo-data/people.ts";
import { demoRefugees } from "../app/db/demo-data/refugees.ts";
import { demoUsers } from "../app/db/demo-data/users.ts";
import { demoCommitments2020, demoPartnerships2021, demoStories, demoStoryPeople } from "../app/db/demo-data/year-review.ts";

export const demo = {
  users: demoUsers,
  organizations: demoOrganizations,
  people: demoPeople,
  refugees: demoRefugees,
  events: demoEvents,
  partnerships: demoPartnerships,
  commitments: demoCommitments,
  followUps: demoFollowUps,
  interactions: demoInteractions,
  // The year in review's records (app/db/demo-data/year-review.ts).
  commitments2020: demoCommitments2020,
  partnerships2021: demoPartnerships2021,
  storyPeople: demoStoryPeople,
  stories: demoStories,
} as const;

type Demo = typeof demo;
/** Any record of the demo data, by its handle (demo.<kind>.<handle>). */
export type DemoRecord = { [K in keyof Demo]: Demo[K][keyof Demo[K]] }[keyof Demo];

/**
 * Where each kind of record is stored, the column that tells it apart, and its page. A commitment's
 * title is not unique (the year in review's 2020 pledges carried over to 2021 keep theirs), so a
 * commitment is told apart by its title and its event's title (the 2020 ones all belong to forum2020).
 */
const stores: Record<keyof Demo, { table: string; column: string; key: string; page?: string; event?: string }> = {
  users: { table: "users", column: "email", key: "email" },
  organizations: { table: "organizations", column: "name", key: "name", page: "/organizations" },
  people: { table: "people", column: "name", key: "name", page: "/people" },
  refugees: { table: "refugee_contacts", column: "name", key: "name", page: "/refugees" },
  events: { table: "events", column: "title", key: "title", page: "/events" },
  partnerships: { table: "partnerships", column: "title", key: "title", page: "/partnerships" },
  commitments: { table: "commitments", column: "title", key: "title", page: "/commitments" },
  followUps: { table: "follow_ups", column: "title", key: "title", page: "/follow-ups" },
  interactions: { table: "interactions", column: "subject", key: "subject" },
  commitments2020: { table: "commitments", column: "title", key: "title", page: "/commitments", event: "forum2020" },
  partnerships2021: { table: "partnerships", column: "title", key: "title", page: "/partnerships" },
  storyPeople: { table: "refugee_contacts", column: "name", key: "name", page: "/refugees" },
  stories: { table: "stories", column: "title", key: "title", page: "/stories" },
};

const kindOf = new Map<object, keyof Demo>();
for (const kind of Object.keys(demo) as (keyof Demo)[]) {
  for (const record of Object.values(demo[kind])) kindOf.set(record, kind);
}

function storeOf(record: DemoRecord) {
  const kind = kindOf.get(record);
  if (!kind) throw new Error("not a demo record: use a handle from tests/demo-handles.ts (demo.<kind>.<handle>)");
  return stores[kind];
}

/** The record's name, title, subject (interactions) or e-mail (users): what the UI shows of it. */
export function demoName(record: DemoRecord): string {
  return (record as unknown as Record<string, string>)[storeOf(record).key];
}

/** better-sqlite3's Database, or a drizzle database over it. */
type Sqlite = { prepare(sql: string): { all(...params: unknown[]): unknown[] } };
export type DemoDatabase = Sqlite | { $client: Sqlite };

function eventTitle(key: string | undefined): string | null {
  if (key === undefined) return null;
  const event = Object.values(demoEvents).find((e) => e.key === key);
  if (!event) throw new Error(`demo event key «${key}» is unknown`);
  return event.title;
}

/** The record's id in a database seeded with the demo data (exactly one row must match). */
export function demoId(db: DemoDatabase, record: DemoRecord): number {
  const { table, column, event } = storeOf(record);
  const sqlite = "$client" in db ? db.$client : db;
  const rows = (
    table === "commitments"
      ? sqlite
          .prepare("SELECT c.id FROM commitments c LEFT JOIN events e ON e.id = c.event_id WHERE c.title = ? AND e.title IS ?")
          .all(demoName(record), eventTitle((record as { event?: string }).event ?? event))
      : sqlite.prepare(`SELECT id FROM ${table} WHERE ${column} = ?`).all(demoName(record))
  ) as { id: number }[];
  if (rows.length !== 1) throw new Error(`demo ${table} «${demoName(record)}»: ${rows.length} rows, expected 1`);
  return rows[0].id;
}

/** The record's id in the database file at `file` (an HTTP test's server), opened read-only for the lookup. */
export function demoIdInFile(file: string, record: DemoRecord): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return demoId(db, record);
  } finally {
    db.close();
  }
}

/** The record's detail page (`/organizations/17`). */
export function demoPath(db: DemoDatabase, record: DemoRecord): string {
  const { page, table } = storeOf(record);
  if (!page) throw new Error(`demo ${table} have no detail page`);
  return `${page}/${demoId(db, record)}`;
}
