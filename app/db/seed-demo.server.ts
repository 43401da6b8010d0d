// Demo data for BCRM Partners: the stakeholders, partnerships and commitments around the
// 30 November 2021 national forum on refugee integration «Съвместно пишем новите истории
// на интеграция на бежанците» (BCRM, Multi Kulti Collective, UNHCR). People are fictional.
//
// The records live in app/db/demo-data/, one module per kind, each under a named handle
// (demoOrganizations.sofiaMunicipality) that tests use to find it (tests/demo-handles.ts).
// Records refer to each other by name, e-mail or key; seedDemo() inserts them in one
// transaction, in the modules' order, resolving those references to ids as it goes.
// Follow-up due dates (and a few commitment due dates) are relative to `today`, so the demo
// always has overdue, due-this-week and later items.
import { hashPassword } from "../auth/password.server.ts";
import type { Db } from "./client.server.ts";
import { type CommitmentSeed, demoCommitments } from "./demo-data/commitments.ts";
import { demoEvents, type EventSeed } from "./demo-data/events.ts";
import { demoFollowUps, type FollowUpSeed } from "./demo-data/follow-ups.ts";
import { demoInteractions, type InteractionSeed } from "./demo-data/interactions.ts";
import { demoOrganizations, type OrgSeed } from "./demo-data/organizations.ts";
import { demoPartnerships, type PartnershipSeed } from "./demo-data/partnerships.ts";
import { demoPeople, type PersonSeed } from "./demo-data/people.ts";
import { demoRefugees, type RefugeeSeed } from "./demo-data/refugees.ts";
import { demoUsers, type UserSeed } from "./demo-data/users.ts";
import {
  commitmentDerived,
  interactionKeys,
  organizationKeys,
  personKeys,
  refugeeContactKeys,
  titledKeys,
} from "./derived.ts";
import * as s from "./schema.ts";
import { seedManifestoDemo } from "./seed-manifesto.server.ts";
import { seedYearReviewDemo } from "./seed-demo-review.server.ts";

export { DEMO_USER } from "./demo-data/users.ts";

// In insertion order: ids follow it, so the order of each module's records is part of the demo.
const userSeeds: UserSeed[] = Object.values(demoUsers);
const organizationSeeds: OrgSeed[] = Object.values(demoOrganizations);
const personSeeds: PersonSeed[] = Object.values(demoPeople);
const refugeeSeeds: RefugeeSeed[] = Object.values(demoRefugees);
const eventSeeds: EventSeed[] = Object.values(demoEvents);
const partnershipSeeds: PartnershipSeed[] = Object.values(demoPartnerships);
const commitmentSeeds: CommitmentSeed[] = Object.values(demoCommitments);
const followUpSeeds: FollowUpSeed[] = Object.values(demoFollowUps);
const interactionSeeds: InteractionSeed[] = Object.values(demoInteractions);

function isoDate(base: Date, offsetDays: number): string {
  const d = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate() + offsetDays));
  return d.toISOString().slice(0, 10);
}

function isoAt(base: Date, offsetDays: number, hourUtc = 12): string {
  const d = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate() + offsetDays, hourUtc));
  return d.toISOString();
}

function lookup<T>(map: Map<string, T>, key: string | undefined | null, what: string): T | null {
  if (key === undefined || key === null) return null;
  const value = map.get(key);
  if (value === undefined) throw new Error(`seed-demo: unknown ${what} «${key}»`);
  return value;
}

function must<T>(map: Map<string, T>, key: string, what: string): T {
  return lookup(map, key, what) as T;
}

/**
 * Fills an empty database with the demo data. Does nothing (and returns seeded: false) if
 * any user exists. Everything is written in one transaction.
 */
export async function seedDemo(db: Db, options: { password: string; today?: Date }): Promise<{ seeded: boolean }> {
  const existing = db.select({ id: s.users.id }).from(s.users).limit(1).get();
  if (existing) return { seeded: false };

  const passwordHash = await hashPassword(options.password);
  const today = options.today ?? new Date();
  const todayStr = isoDate(today, 0);
  const dueOf = (due: string | number | null) => (typeof due === "number" ? isoDate(today, due) : due);

  const seeded = db.transaction((tx) => {
    // Re-check inside the transaction, in case another process seeded while we hashed.
    if (tx.select({ id: s.users.id }).from(s.users).limit(1).get()) return false;

    const userIds = new Map<string, number>();
    const userOrg = new Map<string, string | undefined>();
    const insertUser = (u: UserSeed, organizationId: number | null) => {
      const row = tx
        .insert(s.users)
        .values({ email: u.email, name: u.name, passwordHash, role: u.role, organizationId, locale: "bg", active: true })
        .returning({ id: s.users.id })
        .get();
      userIds.set(u.email, row.id);
      userOrg.set(u.email, u.organization);
    };
    // Staff first (organizations record who created them), partners after their organizations.
    for (const u of userSeeds.filter((u) => !u.organization)) insertUser(u, null);
    const coordinatorId = must(userIds, demoUsers.coordinator.email, "user");

    // Organizations and tags
    const orgIds = new Map<string, number>();
    const tagIds = new Map<string, number>();
    for (const o of organizationSeeds) {
      const row = tx
        .insert(s.organizations)
        .values({
          name: o.name,
          ...organizationKeys(o),
          kind: o.kind,
          oblast: o.oblast,
          municipality: o.municipality,
          address: o.address ?? null,
          website: o.website ?? null,
          email: o.email ?? null,
          phone: o.phone ?? null,
          description: o.description ?? null,
          archived: o.archived ?? false,
          createdById: coordinatorId,
        })
        .returning({ id: s.organizations.id })
        .get();
      orgIds.set(o.name, row.id);
      for (const tag of o.tags ?? []) {
        let tagId = tagIds.get(tag);
        if (tagId === undefined) {
          tagId = tx.insert(s.tags).values({ name: tag }).returning({ id: s.tags.id }).get().id;
          tagIds.set(tag, tagId);
        }
        tx.insert(s.organizationTags).values({ organizationId: row.id, tagId }).run();
      }
    }
    for (const u of userSeeds.filter((u) => u.organization)) insertUser(u, must(orgIds, u.organization!, "organization"));
    const userId = (email: string) => must(userIds, email, "user");
    const orgId = (name: string | undefined) => lookup(orgIds, name, "organization");

    // People
    const personIds = new Map<string, number>();
    for (const p of personSeeds) {
      const row = tx
        .insert(s.people)
        .values({
          name: p.name,
          ...personKeys(p),
          position: p.position ?? null,
          email: p.email ?? null,
          phone: p.phone ?? null,
          languages: p.languages ?? null,
          organizationId: orgId(p.organization ?? undefined),
          notes: p.notes ?? null,
          createdById: coordinatorId,
        })
        .returning({ id: s.people.id })
        .get();
      personIds.set(p.name, row.id);
    }
    const personId = (name: string | undefined) => lookup(personIds, name, "person");

    // Refugee contacts and consents
    const refugeeIds = new Map<string, number>();
    for (const r of refugeeSeeds) {
      const row = tx
        .insert(s.refugeeContacts)
        .values({
          name: r.name,
          ...refugeeContactKeys(r),
          languages: r.languages,
          countryOfOrigin: r.countryOfOrigin ?? null,
          contactChannel: r.contactChannel,
          contactValue: r.contactValue,
          notes: r.notes,
          createdById: coordinatorId,
        })
        .returning({ id: s.refugeeContacts.id })
        .get();
      refugeeIds.set(r.name, row.id);
      for (const c of r.consents) {
        tx.insert(s.refugeeConsents)
          .values({
            refugeeContactId: row.id,
            givenOn: c.givenOn,
            purposes: c.purposes.join(","),
            legalBasis: "explicit_consent",
            recordedById: coordinatorId,
            expiresOn: c.expiresOn ?? null,
            withdrawnOn: c.withdrawnOn ?? null,
            createdAt: `${c.givenOn}T12:00:00.000Z`,
          })
          .run();
      }
    }

    // Events and participants
    const eventIds = new Map<string, number>();
    const eventDates = new Map<string, string>();
    for (const e of eventSeeds) {
      const row = tx
        .insert(s.events)
        .values({
          title: e.title,
          ...titledKeys({ title: e.title, extra: e.series }),
          kind: e.kind,
          series: e.series ?? null,
          startsOn: e.startsOn,
          endsOn: e.endsOn ?? null,
          place: e.place,
          oblast: e.oblast,
          description: e.description,
          createdById: coordinatorId,
        })
        .returning({ id: s.events.id })
        .get();
      eventIds.set(e.key, row.id);
      eventDates.set(e.key, e.startsOn);
      for (const [name, role] of e.organizations) {
        tx.insert(s.eventParticipants).values({ eventId: row.id, organizationId: must(orgIds, name, "organization"), role }).run();
      }
      for (const [name, role] of e.people) {
        tx.insert(s.eventParticipants).values({ eventId: row.id, personId: must(personIds, name, "person"), role }).run();
      }
      for (const [name, role] of e.refugees ?? []) {
        tx.insert(s.eventParticipants).values({ eventId: row.id, refugeeContactId: must(refugeeIds, name, "refugee contact"), role }).run();
      }
    }
    const eventId = (key: string | undefined) => lookup(eventIds, key, "event");

    // Partnerships and members
    const partnershipIds = new Map<string, number>();
    for (const p of partnershipSeeds) {
      const row = tx
        .insert(s.partnerships)
        .values({
          title: p.title,
          ...titledKeys({ title: p.title, extra: p.project }),
          kind: p.kind,
          project: p.project ?? null,
          status: p.status,
          startsOn: p.startsOn ?? null,
          endsOn: p.endsOn ?? null,
          ownerId: userId(p.owner),
          description: p.description,
          createdById: coordinatorId,
        })
        .returning({ id: s.partnerships.id })
        .get();
      partnershipIds.set(p.key, row.id);
      for (const [name, role] of p.members) {
        tx.insert(s.partnershipMembers).values({ partnershipId: row.id, organizationId: must(orgIds, name, "organization"), role }).run();
      }
    }
    const partnershipId = (key: string | undefined) => lookup(partnershipIds, key, "partnership");

    // Commitments, co-pledgers and their timelines
    const commitmentIds = new Map<string, number>();
    for (const c of commitmentSeeds) {
      const last = c.updates.at(-1);
      const lastIsUnverifiedPartnerReport = !!last && !!userOrg.get(last.author) && !last.verifiedAt;
      const eventDate = c.event ? eventDates.get(c.event) : undefined;
      const createdAt = eventDate && eventDate <= todayStr ? `${eventDate}T16:00:00.000Z` : undefined;
      const row = tx
        .insert(s.commitments)
        .values({
          title: c.title,
          ...commitmentDerived({ title: c.title, niemDimension: c.dimension }),
          description: c.description,
          leadOrganizationId: must(orgIds, c.lead, "organization"),
          eventId: eventId(c.event),
          partnershipId: partnershipId(c.partnership),
          niemDimension: c.dimension,
          kind: c.kind,
          dueOn: dueOf(c.due),
          status: last?.status ?? "pledged",
          statusVerified: !lastIsUnverifiedPartnerReport,
          ownerId: userId(c.owner),
          sharedWithPartner: c.shared ?? false,
          carriedOverFromId: lookup(commitmentIds, c.carriedOverFrom, "commitment"),
          createdById: coordinatorId,
          ...(createdAt ? { createdAt, updatedAt: last?.at ?? createdAt } : {}),
        })
        .returning({ id: s.commitments.id })
        .get();
      commitmentIds.set(c.key, row.id);
      for (const name of c.coPledgers ?? []) {
        tx.insert(s.commitmentCoPledgers).values({ commitmentId: row.id, organizationId: must(orgIds, name, "organization") }).run();
      }
      let previousAt = "";
      for (const u of c.updates) {
        if (u.at <= previousAt) throw new Error(`seed-demo: updates of «${c.key}» are not in time order`);
        previousAt = u.at;
        const partnerOrg = userOrg.get(u.author);
        tx.insert(s.commitmentUpdates)
          .values({
            commitmentId: row.id,
            authorId: userId(u.author),
            partnerOrganizationId: partnerOrg ? must(orgIds, partnerOrg, "organization") : null,
            note: u.note,
            statusChange: u.status,
            evidenceUrl: u.evidenceUrl ?? null,
            verifiedAt: partnerOrg ? (u.verifiedAt ?? null) : null,
            verifiedById: partnerOrg && u.verifiedAt ? coordinatorId : null,
            createdAt: u.at,
          })
          .run();
      }
    }
    const commitmentId = (key: string | undefined) => lookup(commitmentIds, key, "commitment");

    // Follow-ups
    for (const f of followUpSeeds) {
      tx.insert(s.followUps)
        .values({
          title: f.title,
          ...titledKeys({ title: f.title }),
          notes: f.notes ?? null,
          dueOn: isoDate(today, f.due),
          assigneeId: userId(f.assignee),
          organizationId: orgId(f.organization),
          personId: personId(f.person),
          partnershipId: partnershipId(f.partnership),
          commitmentId: commitmentId(f.commitment),
          eventId: eventId(f.event),
          status: f.status,
          sharedWithOrganizationId: orgId(f.sharedWith),
          completedAt: f.completed ? isoAt(today, -f.completed.daysAgo, 15) : null,
          completedById: f.completed ? userId(f.completed.by) : null,
          completionNote: f.completed?.note ?? null,
          createdById: coordinatorId,
        })
        .run();
    }

    // Interactions
    for (const i of interactionSeeds) {
      tx.insert(s.interactions)
        .values({
          kind: i.kind,
          occurredOn: i.on,
          subject: i.subject,
          ...interactionKeys(i),
          body: i.body,
          participants: i.participants ?? null,
          organizationId: orgId(i.organization),
          personId: personId(i.person),
          createdById: userId(i.by ?? demoUsers.coordinator.email),
          createdAt: `${i.on}T17:00:00.000Z`,
          updatedAt: `${i.on}T17:00:00.000Z`,
        })
        .run();
    }
    seedManifestoDemo(tx);

    // The 2020 edition's commitments, carry-overs to 2021, the year's partnerships and stories (issue 19).
    seedYearReviewDemo(tx, {
      userId,
      orgId: (name) => must(orgIds, name, "organization"),
      eventId: (key) => must(eventIds, key, "event"),
      commitmentId: (key) => must(commitmentIds, key, "commitment"),
      partnerOrgOf: (email) => {
        const organization = userOrg.get(email);
        return organization ? must(orgIds, organization, "organization") : null;
      },
      coordinatorId,
    });
    return true;
  });

  return { seeded };
}
