import { desc, eq } from "drizzle-orm";
import { notFound, requireCapability, requireRecordWrite, type CurrentUser } from "../auth/access.server.ts";
import { getDb } from "../db/client.server.ts";
import { interactionKeys } from "../db/derived.ts";
import { interactions, organizations, people, users } from "../db/schema.ts";
import type { InteractionInput } from "../domain/interaction.ts";
import { createAudited, updateVersioned, type VersionedResult, type WriteContext } from "./record-write.server.ts";

export type Interaction = typeof interactions.$inferSelect;

/** Only staff read the log of meetings and calls. */
function requireInteractionRead(user: CurrentUser) {
  requireCapability(user, "readRecords");
}

export function getInteraction(user: CurrentUser, id: number): Interaction {
  requireInteractionRead(user);
  const interaction = getDb().select().from(interactions).where(eq(interactions.id, id)).get();
  if (!interaction) throw notFound();
  return interaction;
}

const timelineColumns = {
  id: interactions.id,
  kind: interactions.kind,
  occurredOn: interactions.occurredOn,
  subject: interactions.subject,
  body: interactions.body,
  participants: interactions.participants,
  organizationId: interactions.organizationId,
  organizationName: organizations.name,
  personId: interactions.personId,
  personName: people.name,
  createdByName: users.name,
};

/** The interactions with an organization or a person, newest first: the timeline on their pages. */
export function interactionTimeline(of: { organizationId: number } | { personId: number }, limit = 200) {
  const where = "organizationId" in of ? eq(interactions.organizationId, of.organizationId) : eq(interactions.personId, of.personId);
  return getDb()
    .select(timelineColumns)
    .from(interactions)
    .leftJoin(organizations, eq(organizations.id, interactions.organizationId))
    .leftJoin(people, eq(people.id, interactions.personId))
    .leftJoin(users, eq(users.id, interactions.createdById))
    .where(where)
    .orderBy(desc(interactions.occurredOn), desc(interactions.id))
    .limit(limit)
    .all();
}
export type TimelineEntry = ReturnType<typeof interactionTimeline>[number];

/** Whether the organization and the person chosen in a form exist; the field names of those that do not. */
export function missingLinks(input: Pick<InteractionInput, "organizationId" | "personId">): Array<"organizationId" | "personId"> {
  const db = getDb();
  const missing: Array<"organizationId" | "personId"> = [];
  if (input.organizationId && !db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, input.organizationId)).get()) {
    missing.push("organizationId");
  }
  if (input.personId && !db.select({ id: people.id }).from(people).where(eq(people.id, input.personId)).get()) missing.push("personId");
  return missing;
}

function columnsOf(input: InteractionInput) {
  return { ...input, ...interactionKeys(input) };
}

export function createInteraction(user: CurrentUser, input: InteractionInput, ctx: WriteContext = {}): number {
  requireRecordWrite(user);
  return createAudited({
    user,
    table: interactions,
    entityType: "interaction",
    values: { ...columnsOf(input), createdById: user.id },
    auditFields: Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null)),
    ctx,
  });
}

export function updateInteraction(
  user: CurrentUser,
  id: number,
  expectedVersion: number,
  input: InteractionInput,
  ctx: WriteContext = {},
): VersionedResult<Interaction> {
  requireRecordWrite(user);
  return updateVersioned<Interaction>({ user, table: interactions, entityType: "interaction", id, expectedVersion, values: columnsOf(input), ctx });
}
