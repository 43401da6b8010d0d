// Records for the invitation tests (issue 21): a fresh event and fresh people with a unique tag,
// so a /people query `q=<tag>` finds exactly them.
import { eq } from "drizzle-orm";
import { getDb } from "#app/db/client.server.ts";
import { eventInvitations } from "#app/db/schema.ts";
import { addDays, todayIso } from "#app/lib/calendar-day.ts";
import { createEvent } from "#app/models/events.server.ts";
import { createPerson } from "#app/models/people.server.ts";
import { actingAs } from "./record-fixtures.ts";

let counter = 0;
export function uniqueTag(prefix = "inv") {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

export function freshEvent(opts: { startsOn?: string; endsOn?: string | null; title?: string } = {}) {
  const title = opts.title ?? `Кръгла маса ${uniqueTag()}`;
  const id = createEvent(actingAs("coordinator"), {
    title,
    kind: "round_table",
    series: null,
    startsOn: opts.startsOn ?? addDays(todayIso(), 14),
    endsOn: opts.endsOn ?? null,
    place: "София",
    oblast: null,
    description: null,
  } as never);
  return { id, title };
}

export type FreshPerson = { id: number; name: string; email: string | null; languages: string | null };

/** People named «<first> <tag>»: the tag makes `q=<tag>` a list of just them. */
export function freshPeople(tag: string, specs: Array<{ first: string; email: string | null; languages?: string | null }>): FreshPerson[] {
  return specs.map((s) => {
    const name = `${s.first} ${tag}`;
    const id = createPerson(actingAs("coordinator"), {
      name,
      position: null,
      organizationId: null,
      email: s.email,
      phone: null,
      languages: s.languages ?? null,
      notes: null,
    });
    return { id, name, email: s.email, languages: s.languages ?? null };
  });
}

export function invitationRows(eventId: number) {
  return getDb().select().from(eventInvitations).where(eq(eventInvitations.eventId, eventId)).orderBy(eventInvitations.id).all();
}
