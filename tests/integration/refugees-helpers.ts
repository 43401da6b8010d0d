// Shared by the refugees-*.test.ts files: look-ups by name and fresh records per test.
import { eq, sql } from "drizzle-orm";
import { getDb } from "#app/db/client.server.ts";
import { refugeeContactKeys } from "#app/db/derived.ts";
import { auditEntries, eventParticipants, events, refugeeConsents, refugeeContacts, users } from "#app/db/schema.ts";
import type { ConsentPurpose } from "#app/domain/enums.ts";

export const SEED_REFUGEE_NAMES = ["Амина Х.", "Ахмад Р.", "Фатима (псевдоним)", "Олена К.", "Карим С.", "Хамид Н."];

export const refugeeId = (name: string) => getDb().select().from(refugeeContacts).where(eq(refugeeContacts.name, name)).get()!.id;
export const refugeeRow = (id: number) => getDb().select().from(refugeeContacts).where(eq(refugeeContacts.id, id)).get()!;
export const eventIdByTitlePrefix = (prefix: string) =>
  getDb().select().from(events).where(sql`${events.title} LIKE ${prefix + "%"}`).get()!.id;
/** The 2021 forum (Амина Х., Ахмад Р., Карим С. took part). */
export const forum2021 = () => eventIdByTitlePrefix("Национален форум „Съвместно пишем");
/** The 2026 forum (no refugee participants in the seed). */
export const forum2026 = () => eventIdByTitlePrefix("Национален форум за интеграция на бежанците 2026");

let counter = 0;
/** A fresh contact with unique values; with consent for the given purposes unless `purposes` is empty. */
export function freshContact(purposes: ConsentPurpose[] = ["forum_participation"], label = "Тест") {
  counter += 1;
  const unique = `${label}${Date.now().toString(36)}${counter}`;
  const name = `Зейнаб ${unique}`;
  const db = getDb();
  const coordinatorId = db.select().from(users).where(eq(users.email, "coordinator@bcrm.demo")).get()!.id;
  const row = db
    .insert(refugeeContacts)
    .values({
      name,
      ...refugeeContactKeys({ name }),
      languages: "арабски",
      countryOfOrigin: "Сирия",
      contactChannel: "whatsapp",
      contactValue: `+359 88 ${String(100000 + counter).slice(-6)}`,
      notes: `Бележка ${unique}`,
      createdById: coordinatorId,
    })
    .returning()
    .get();
  if (purposes.length) {
    db.insert(refugeeConsents)
      .values({ refugeeContactId: row.id, givenOn: "2025-01-01", purposes: purposes.join(","), legalBasis: "explicit_consent", recordedById: coordinatorId })
      .run();
  }
  return row;
}

export function freshConsent(contactId: number) {
  const coordinatorId = getDb().select().from(users).where(eq(users.email, "coordinator@bcrm.demo")).get()!.id;
  return getDb()
    .insert(refugeeConsents)
    .values({ refugeeContactId: contactId, givenOn: "2025-01-01", purposes: "follow_up_contact", legalBasis: "explicit_consent", recordedById: coordinatorId })
    .returning()
    .get();
}

export function addParticipantRow(eventId: number, contactId: number, role = "participant") {
  return getDb().insert(eventParticipants).values({ eventId, refugeeContactId: contactId, role }).returning().get();
}

/** Everything a refugee action could write, to prove a refused one wrote nothing. */
export function refugeeWriteSnapshot() {
  const db = getDb();
  return JSON.stringify({
    audit: db.select({ n: sql<number>`count(*)` }).from(auditEntries).get()!.n,
    contacts: db.select().from(refugeeContacts).orderBy(refugeeContacts.id).all(),
    consents: db.select().from(refugeeConsents).orderBy(refugeeConsents.id).all(),
    participants: db.select().from(eventParticipants).orderBy(eventParticipants.id).all(),
  });
}
