// The private calendar feed (RFC 5545): a user's open follow-ups and the due dates of the
// commitments they own, as all-day events. The URL carries a random token instead of a session
// (calendar apps cannot sign in); the token opens this feed and nothing else, and regenerating
// it makes the old URL answer 404.
import crypto from "node:crypto";
import { and, asc, eq, isNotNull, notInArray } from "drizzle-orm";
import ical from "ical-generator";
import { commitmentReach, followUpReach, type CurrentUser } from "../auth/access.server.ts";
import { getDb } from "../db/client.server.ts";
import { commitments, followUps, organizations, users } from "../db/schema.ts";
import { appBaseUrl } from "../env.server.ts";
import { makeTranslate } from "../i18n/i18n.ts";
import { writeAudit } from "./audit.server.ts";

/**
 * The right-hand side of every event's UID. Fixed, so that a UID depends only on the record: a
 * feed fetched through another host name, a proxy or a new APP_URL names the same events, and
 * subscribers' calendars update them instead of adding copies.
 */
export const CALENDAR_UID_DOMAIN = "partners.bcrm-bg.org";


/** The address of a user's feed, as the profile shows it. */
export function calendarFeedUrl(token: string, request: Request): string {
  return `${appBaseUrl(request)}/calendar/${token}.ics`;
}

/** 32 random bytes, base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newCalendarToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function calendarTokenOf(userId: number): string | null {
  return getDb().select({ token: users.calendarToken }).from(users).where(eq(users.id, userId)).get()?.token ?? null;
}

/** Issues a new token (the first one, or a replacement); the audit entry never holds the token itself. */
export function regenerateCalendarToken(user: CurrentUser, ctx: { ip?: string | null } = {}): string {
  const token = newCalendarToken();
  getDb().transaction((tx) => {
    const before = tx.select({ token: users.calendarToken, version: users.version }).from(users).where(eq(users.id, user.id)).get();
    tx.update(users)
      .set({ calendarToken: token, updatedAt: new Date().toISOString(), version: (before?.version ?? 0) + 1 })
      .where(eq(users.id, user.id))
      .run();
    writeAudit(tx, {
      userId: user.id,
      action: "calendar_token",
      entityType: "user",
      entityId: user.id,
      detail: { replaced: Boolean(before?.token) },
      ip: ctx.ip,
    });
  });
  return token;
}

/**
 * Builds the feed for a token, or null when the token is malformed or belongs to no active user.
 * `baseUrl` is only for the events' links; UIDs, DTSTAMP and SEQUENCE come from the records alone.
 */
export function calendarFeed(token: string, baseUrl: string): string | null {
  if (!TOKEN_PATTERN.test(token)) return null;
  const db = getDb();
  const owner = db
    .select({ id: users.id, name: users.name, locale: users.locale, role: users.role, organizationId: users.organizationId })
    .from(users)
    .where(and(eq(users.calendarToken, token), eq(users.active, true)))
    .get();
  if (!owner) return null;
  const t = makeTranslate(owner.locale);

  const openFollowUps = db
    .select({
      id: followUps.id,
      title: followUps.title,
      dueOn: followUps.dueOn,
      notes: followUps.notes,
      organizationName: organizations.name,
      updatedAt: followUps.updatedAt,
      version: followUps.version,
    })
    .from(followUps)
    .leftJoin(organizations, eq(organizations.id, followUps.organizationId))
    // Only what the owner may read (a feed outlives a change of role): followUpReach / commitmentReach.
    .where(and(eq(followUps.assigneeId, owner.id), eq(followUps.status, "open"), followUpReach(owner)))
    .orderBy(asc(followUps.dueOn), asc(followUps.id))
    .all();
  const ownCommitments = db
    .select({
      id: commitments.id,
      title: commitments.title,
      dueOn: commitments.dueOn,
      organizationName: organizations.name,
      updatedAt: commitments.updatedAt,
      version: commitments.version,
    })
    .from(commitments)
    .innerJoin(organizations, eq(organizations.id, commitments.leadOrganizationId))
    .where(and(eq(commitments.ownerId, owner.id), isNotNull(commitments.dueOn), notInArray(commitments.status, ["fulfilled", "withdrawn"]), commitmentReach(owner)))
    .orderBy(asc(commitments.dueOn), asc(commitments.id))
    .all();

  const calendar = ical({
    name: t("reminders.calendar.name", { name: owner.name }),
    prodId: { company: "BCRM", product: "BCRM Partners", language: owner.locale.toUpperCase() },
    ttl: 60 * 60,
  });
  // Due dates are Sofia calendar days; all-day DATE values carry no zone, so they stay on that day everywhere.
  calendar.x([{ key: "X-WR-TIMEZONE", value: "Europe/Sofia" }]);
  const day = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);
  // The same record gives the same event at every fetch: DTSTAMP and LAST-MODIFIED are its last
  // change and SEQUENCE its version, so a calendar sees a change only when the record changed.
  const revision = (r: { updatedAt: string; version: number }) => ({
    stamp: new Date(r.updatedAt),
    lastModified: new Date(r.updatedAt),
    sequence: r.version,
  });
  for (const f of openFollowUps) {
    calendar.createEvent({
      id: `follow-up-${f.id}@${CALENDAR_UID_DOMAIN}`,
      ...revision(f),
      start: day(f.dueOn),
      allDay: true,
      summary: t("reminders.calendar.followUp", { title: f.title }),
      description: [f.organizationName, f.notes].filter(Boolean).join("\n") || null,
      url: `${baseUrl}/follow-ups/${f.id}`,
    });
  }
  for (const c of ownCommitments) {
    calendar.createEvent({
      id: `commitment-${c.id}@${CALENDAR_UID_DOMAIN}`,
      ...revision(c),
      start: day(c.dueOn!),
      allDay: true,
      summary: t("reminders.calendar.commitmentDue", { title: c.title }),
      description: c.organizationName,
      url: `${baseUrl}/commitments/${c.id}`,
    });
  }
  return calendar.toString();
}
