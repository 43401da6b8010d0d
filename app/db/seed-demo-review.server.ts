// Demo data for the 2021 forum's year in review (issue 19): the commitments made at the 2020
// edition with their outcomes (verified and self-reported, with evidence), three of them carried
// over to 2021, the new partnerships of 2021, and the integration stories told at the 2021 forum
// (fictional people, each with a consent to story publication). Called by seedDemo() inside its
// transaction, with lookups of the records it already inserted.
// The records live in app/db/demo-data/year-review.ts, each under a named handle.
import { eq } from "drizzle-orm";
import type { Tx } from "./client.server.ts";
import {
  type Commitment2020,
  demoCommitments2020,
  demoPartnerships2021,
  demoStories,
  demoStoryPeople,
  type Partnership2021Seed,
  type StoryPersonSeed,
  type StorySeed,
} from "./demo-data/year-review.ts";
import { commitmentDerived, refugeeContactKeys, storyKeys, titledKeys } from "./derived.ts";
import * as s from "./schema.ts";

export type DemoRefs = {
  userId: (email: string) => number;
  orgId: (name: string) => number;
  eventId: (key: string) => number;
  commitmentId: (key: string) => number;
  /** The organization of a partner user (their reports are self-reported until verified), or null for staff. */
  partnerOrgOf: (email: string) => number | null;
  coordinatorId: number;
};

// In insertion order: ids follow it.
const commitments2020: Commitment2020[] = Object.values(demoCommitments2020);
const partnerships2021: Partnership2021Seed[] = Object.values(demoPartnerships2021);
const storyPeople: StoryPersonSeed[] = Object.values(demoStoryPeople);
const storySeeds: StorySeed[] = Object.values(demoStories);

// ---------------------------------------------------------------- seeding

export function seedYearReviewDemo(tx: Tx, refs: DemoRefs): void {
  const forum2020 = refs.eventId("forum2020");
  const createdAt = "2020-12-10T16:00:00.000Z";

  for (const c of commitments2020) {
    const last = c.updates.at(-1);
    const lastIsUnverifiedPartnerReport = !!last && refs.partnerOrgOf(last.author) !== null && !last.verifiedAt;
    const row = tx
      .insert(s.commitments)
      .values({
        title: c.title,
        ...commitmentDerived({ title: c.title, niemDimension: c.dimension }),
        description: c.description,
        leadOrganizationId: refs.orgId(c.lead),
        eventId: forum2020,
        niemDimension: c.dimension,
        kind: c.kind,
        dueOn: c.due,
        status: last?.status ?? "pledged",
        statusVerified: !lastIsUnverifiedPartnerReport,
        ownerId: refs.userId(c.owner),
        sharedWithPartner: c.shared ?? false,
        createdById: refs.coordinatorId,
        createdAt,
        updatedAt: last?.at ?? createdAt,
      })
      .returning({ id: s.commitments.id })
      .get();
    for (const name of c.coPledgers ?? []) tx.insert(s.commitmentCoPledgers).values({ commitmentId: row.id, organizationId: refs.orgId(name) }).run();
    for (const u of c.updates) {
      const partnerOrg = refs.partnerOrgOf(u.author);
      tx.insert(s.commitmentUpdates)
        .values({
          commitmentId: row.id,
          authorId: refs.userId(u.author),
          partnerOrganizationId: partnerOrg,
          note: u.note,
          statusChange: u.status,
          evidenceUrl: u.evidenceUrl ?? null,
          verifiedAt: partnerOrg ? (u.verifiedAt ?? null) : null,
          verifiedById: partnerOrg && u.verifiedAt ? refs.coordinatorId : null,
          createdAt: u.at,
        })
        .run();
    }
    // Carried over to the 2021 forum: the 2021 commitment points back at this one.
    if (c.carriedOverTo) {
      tx.update(s.commitments).set({ carriedOverFromId: row.id }).where(eq(s.commitments.id, refs.commitmentId(c.carriedOverTo))).run();
    }
  }

  for (const p of partnerships2021) {
    const row = tx
      .insert(s.partnerships)
      .values({
        title: p.title,
        ...titledKeys({ title: p.title }),
        kind: p.kind,
        status: p.status,
        startsOn: p.startsOn,
        endsOn: p.endsOn ?? null,
        ownerId: refs.userId(p.owner),
        description: p.description,
        createdById: refs.coordinatorId,
        createdAt: `${p.startsOn}T12:00:00.000Z`,
        updatedAt: `${p.startsOn}T12:00:00.000Z`,
      })
      .returning({ id: s.partnerships.id })
      .get();
    for (const [name, role] of p.members) tx.insert(s.partnershipMembers).values({ partnershipId: row.id, organizationId: refs.orgId(name), role }).run();
  }

  const personIds = new Map<string, number>();
  for (const p of storyPeople) {
    const row = tx
      .insert(s.refugeeContacts)
      .values({
        name: p.name,
        ...refugeeContactKeys(p),
        languages: p.languages,
        countryOfOrigin: p.countryOfOrigin,
        contactChannel: p.contactChannel,
        contactValue: p.contactValue,
        notes: "Разказа историята си на форума 2021 г.; съгласието е записано с преводач.",
        createdById: refs.coordinatorId,
        createdAt: `${p.givenOn}T12:00:00.000Z`,
        updatedAt: `${p.givenOn}T12:00:00.000Z`,
      })
      .returning({ id: s.refugeeContacts.id })
      .get();
    personIds.set(p.name, row.id);
    tx.insert(s.refugeeConsents)
      .values({
        refugeeContactId: row.id,
        givenOn: p.givenOn,
        purposes: p.purposes.join(","),
        legalBasis: "explicit_consent",
        recordedById: refs.coordinatorId,
        createdAt: `${p.givenOn}T12:00:00.000Z`,
      })
      .run();
  }

  for (const story of storySeeds) {
    const row = tx
      .insert(s.stories)
      .values({
        title: story.title,
        ...storyKeys(story),
        summary: story.summary,
        body: story.body,
        eventId: refs.eventId(story.event),
        state: story.state,
        publishedAt: story.state === "published" ? story.at : null,
        ownerId: refs.userId(story.owner),
        createdById: refs.coordinatorId,
        createdAt: story.at,
        updatedAt: story.at,
      })
      .returning({ id: s.stories.id })
      .get();
    for (const name of story.people) {
      const id = personIds.get(name);
      if (id === undefined) throw new Error(`seed-demo-review: unknown story person «${name}»`);
      tx.insert(s.storyPeople).values({ storyId: row.id, refugeeContactId: id }).run();
    }
    for (const name of story.organizations) tx.insert(s.storyOrganizations).values({ storyId: row.id, organizationId: refs.orgId(name) }).run();
  }
}
