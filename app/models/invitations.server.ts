// Event invitations (issue 21): the list of invitees, sending through the mailer (resumable, at
// most once per invitation), the invitee's answer through a personal link, the door (check-in,
// walk-ins) and what remains afterwards (participants, needs, the funnel).
import crypto from "node:crypto";
import { and, asc, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import QRCode from "qrcode";
import { requireInvitationManagement, requireRefugeeInvitation, type CurrentUser } from "../auth/access.server.ts";
import { getDb, type DbOrTx } from "../db/client.server.ts";
import { eventInvitations, eventInvitationSettings, eventParticipants, events, organizations, people, refugeeContacts } from "../db/schema.ts";
import type { Locale, ParticipantRole } from "../domain/enums.ts";
import { splitList, doorCodeOf, type InvitationSettingsInput, type RsvpInput } from "../domain/invitation.ts";
import { env } from "../env.server.ts";
import { formatLongDate, makeTranslate } from "../i18n/i18n.ts";
import { todayIso } from "../lib/calendar-day.ts";
import { LINK, mailHtml, mailText, type MailPart } from "../lib/mail-message.ts";
import { searchKeyOf, sortKey } from "../lib/transliterate.ts";
import { writeAudit } from "./audit.server.ts";
import { getEvent } from "./events.server.ts";
import { sendMail, type MailSettings } from "./mailer.server.ts";
import { listConditions as peopleConditions, parsePersonListParams } from "./people.server.ts";
import { consentsByContact, hasCurrentConsent } from "./refugee-consent.server.ts";
import type { WriteContext } from "./record-write.server.ts";

export type Invitation = typeof eventInvitations.$inferSelect;
export type InvitationSettings = typeof eventInvitationSettings.$inferSelect;

// ---------------------------------------------------------------- settings

/** An event's invitation settings, for those who manage its invitations. */
export function invitationSettings(user: CurrentUser, eventId: number): InvitationSettings {
  requireInvitationManagement(user);
  return settingsOf(getDb(), eventId);
}

export function settingsOf(db: DbOrTx, eventId: number): InvitationSettings {
  const row = db.select().from(eventInvitationSettings).where(eq(eventInvitationSettings.eventId, eventId)).get();
  if (row) return row;
  const now = new Date().toISOString();
  return {
    eventId,
    capacity: null,
    waitingList: false,
    answerDeadline: null,
    interpretationLanguages: "",
    subjectBg: "",
    bodyBg: "",
    subjectEn: "",
    bodyEn: "",
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
}

/** Saves the settings; a larger (or no) capacity moves people up from the waiting list, who are returned. */
export function saveSettings(user: CurrentUser, eventId: number, input: InvitationSettingsInput, ctx: WriteContext = {}): Invitation[] {
  requireInvitationManagement(user);
  getEvent(user, eventId);
  return getDb().transaction((tx) => {
    const before = settingsOf(tx, eventId);
    const values = { ...input, updatedAt: new Date().toISOString() };
    tx.insert(eventInvitationSettings)
      .values({ eventId, ...values })
      .onConflictDoUpdate({ target: eventInvitationSettings.eventId, set: { ...values, version: sql`${eventInvitationSettings.version} + 1` } })
      .run();
    const changes: Record<string, [unknown, unknown]> = {};
    for (const [k, v] of Object.entries(input)) if ((before as Record<string, unknown>)[k] !== v) changes[k] = [(before as Record<string, unknown>)[k], v];
    writeAudit(tx, { userId: user.id, action: "invitation_settings", entityType: "event", entityId: eventId, changes, ip: ctx.ip });
    return promoteFromWaitingList(tx, eventId, ctx);
  });
}

// ---------------------------------------------------------------- the list

/** Whether the event's last day has passed (Sofia calendar): its personal links then stop working. */
export function eventIsOver(event: { startsOn: string; endsOn: string | null }, today = todayIso()): boolean {
  return (event.endsOn ?? event.startsOn) < today;
}

export function newToken(): string {
  return crypto.randomBytes(32).toString("hex");
}

/** The language of a person's invitation: Bulgarian when their languages name it, else English if any are named, else the form's choice. */
export function localeForLanguages(languages: string | null, fallback: Locale): Locale {
  if (!languages?.trim()) return fallback;
  return /bg|бълг|bulg/i.test(languages) ? "bg" : "en";
}

type NewInvitee = {
  name: string;
  email: string | null;
  organizationName: string | null;
  personId?: number | null;
  refugeeContactId?: number | null;
  locale: Locale;
  role: ParticipantRole;
  walkIn?: boolean;
};

function invitationValues(eventId: number, invitee: NewInvitee, userId: number) {
  const email = invitee.email?.trim() || null;
  return {
    eventId,
    personId: invitee.personId ?? null,
    refugeeContactId: invitee.refugeeContactId ?? null,
    name: invitee.name,
    sortKey: sortKey(invitee.name),
    searchKey: searchKeyOf(invitee.name, email, invitee.organizationName),
    email,
    emailKey: email?.toLowerCase() ?? null,
    organizationName: invitee.organizationName,
    locale: invitee.locale,
    role: invitee.role,
    token: newToken(),
    walkIn: invitee.walkIn ?? false,
    createdById: userId,
  };
}

/**
 * Adds invitees in one transaction with one audit entry. One invitation per e-mail address (and per
 * person, and per refugee contact) and event: a repeat is skipped, not an error.
 */
function insertInvitees(user: CurrentUser, eventId: number, invitees: NewInvitee[], source: string, ctx: WriteContext) {
  return getDb().transaction((tx) => {
    let added = 0;
    const seen = new Set<string>();
    for (const invitee of invitees) {
      const key = invitee.email?.trim().toLowerCase();
      if (key) {
        if (seen.has(key)) continue;
        seen.add(key);
      }
      const result = tx.insert(eventInvitations).values(invitationValues(eventId, invitee, user.id)).onConflictDoNothing().run();
      added += result.changes;
    }
    writeAudit(tx, {
      userId: user.id,
      action: "invitation_add",
      entityType: "event",
      entityId: eventId,
      detail: { source, added, skipped: invitees.length - added },
      ip: ctx.ip,
    });
    return { added, skipped: invitees.length - added };
  });
}

const personInvitee = {
  id: people.id,
  name: people.name,
  email: people.email,
  languages: people.languages,
  organizationName: organizations.name,
};

function peopleInvitees(rows: Array<{ id: number; name: string; email: string | null; languages: string | null; organizationName: string | null }>, locale: Locale, role: ParticipantRole): NewInvitee[] {
  return rows.map((p) => ({
    name: p.name,
    email: p.email,
    organizationName: p.organizationName,
    personId: p.id,
    locale: localeForLanguages(p.languages, locale),
    role,
  }));
}

/** Everyone on a /people list with this query (its filters and search; paging and sorting do not matter). */
export function peopleForQuery(user: CurrentUser, query: string) {
  requireInvitationManagement(user);
  const params = parsePersonListParams(new URLSearchParams(query));
  return getDb()
    .select(personInvitee)
    .from(people)
    .leftJoin(organizations, eq(organizations.id, people.organizationId))
    .where(peopleConditions(params))
    .orderBy(asc(people.sortKey), asc(people.id))
    .all();
}

export function invitePeopleByQuery(user: CurrentUser, eventId: number, input: { peopleQuery: string; locale: Locale; role: ParticipantRole }, ctx: WriteContext = {}) {
  requireInvitationManagement(user);
  getEvent(user, eventId);
  const rows = peopleForQuery(user, input.peopleQuery);
  return insertInvitees(user, eventId, peopleInvitees(rows, input.locale, input.role), `people?${input.peopleQuery}`, ctx);
}

/** An organization's contact people (those not archived). */
export function inviteOrganization(user: CurrentUser, eventId: number, input: { organizationId: number; locale: Locale; role: ParticipantRole }, ctx: WriteContext = {}) {
  requireInvitationManagement(user);
  getEvent(user, eventId);
  const rows = getDb()
    .select(personInvitee)
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.organizationId))
    .where(and(eq(people.organizationId, input.organizationId), eq(people.archived, false)))
    .orderBy(asc(people.sortKey))
    .all();
  return insertInvitees(user, eventId, peopleInvitees(rows, input.locale, input.role), `organization:${input.organizationId}`, ctx);
}

export function invitePerson(user: CurrentUser, eventId: number, input: { personId: number; locale: Locale; role: ParticipantRole }, ctx: WriteContext = {}) {
  requireInvitationManagement(user);
  getEvent(user, eventId);
  const rows = getDb().select(personInvitee).from(people).leftJoin(organizations, eq(organizations.id, people.organizationId)).where(eq(people.id, input.personId)).all();
  if (!rows.length) return null;
  return insertInvitees(user, eventId, peopleInvitees(rows, input.locale, input.role), `person:${input.personId}`, ctx);
}

export function inviteGuest(
  user: CurrentUser,
  eventId: number,
  input: { name: string; email: string | null; organizationName: string | null; locale: Locale; role: ParticipantRole },
  ctx: WriteContext = {},
) {
  requireInvitationManagement(user);
  getEvent(user, eventId);
  return insertInvitees(user, eventId, [input], "guest", ctx);
}

export type RefugeeInviteResult = { ok: true; added: number } | { ok: false; reason: "notFound" | "erased" | "noConsent" };

/**
 * A refugee contact, one at a time, only with a current consent to forum participation. Their
 * invitation is always a message of its own (every invitation is), so no one sees their address.
 */
export function inviteRefugee(user: CurrentUser, eventId: number, input: { refugeeContactId: number; locale: Locale }, ctx: WriteContext = {}): RefugeeInviteResult {
  requireInvitationManagement(user);
  requireRefugeeInvitation(user);
  getEvent(user, eventId);
  const db = getDb();
  const contact = db.select().from(refugeeContacts).where(eq(refugeeContacts.id, input.refugeeContactId)).get();
  if (!contact) return { ok: false, reason: "notFound" };
  if (contact.erasedAt) return { ok: false, reason: "erased" };
  const consents = consentsByContact(db, [contact.id]).get(contact.id) ?? [];
  if (!hasCurrentConsent(consents, "forum_participation", todayIso())) return { ok: false, reason: "noConsent" };
  const email = contact.contactChannel === "email" ? contact.contactValue : null;
  const { added } = insertInvitees(
    user,
    eventId,
    [{ name: contact.name, email, organizationName: null, refugeeContactId: contact.id, locale: input.locale, role: "participant" }],
    "refugee",
    ctx,
  );
  return { ok: true, added };
}

/** Removes an invitee; returns who moved up from the waiting list into the seats freed, or null when there is no such invitee. */
export function removeInvitation(user: CurrentUser, eventId: number, invitationId: number, ctx: WriteContext = {}): Invitation[] | null {
  requireInvitationManagement(user);
  return getDb().transaction((tx) => {
    const row = tx.select().from(eventInvitations).where(and(eq(eventInvitations.id, invitationId), eq(eventInvitations.eventId, eventId))).get();
    if (!row) return null;
    tx.delete(eventInvitations).where(eq(eventInvitations.id, invitationId)).run();
    writeAudit(tx, { userId: user.id, action: "invitation_remove", entityType: "event", entityId: eventId, detail: { invitationId, name: row.name }, ip: ctx.ip });
    return row.answer === "yes" && !row.waitlisted ? promoteFromWaitingList(tx, eventId, ctx) : [];
  });
}

/** Every invitee of an event, in Bulgarian alphabetical order. */
export function invitationsOf(user: CurrentUser, eventId: number) {
  requireInvitationManagement(user);
  return getDb()
    .select({
      id: eventInvitations.id,
      name: eventInvitations.name,
      email: eventInvitations.email,
      organizationName: eventInvitations.organizationName,
      personId: eventInvitations.personId,
      isRefugee: sql<boolean>`${eventInvitations.refugeeContactId} IS NOT NULL`.mapWith(Boolean),
      locale: eventInvitations.locale,
      role: eventInvitations.role,
      walkIn: eventInvitations.walkIn,
      sendState: eventInvitations.sendState,
      sentAt: eventInvitations.sentAt,
      sendError: eventInvitations.sendError,
      reminderState: eventInvitations.reminderState,
      answer: eventInvitations.answer,
      answeredAt: eventInvitations.answeredAt,
      attendees: eventInvitations.attendees,
      interpretation: eventInvitations.interpretation,
      accessibility: eventInvitations.accessibility,
      note: eventInvitations.note,
      waitlisted: eventInvitations.waitlisted,
      checkedInAt: eventInvitations.checkedInAt,
      doorCode: sql<string>`upper(substr(${eventInvitations.token}, 1, 8))`,
    })
    .from(eventInvitations)
    .where(eq(eventInvitations.eventId, eventId))
    .orderBy(asc(eventInvitations.sortKey), asc(eventInvitations.id))
    .all();
}

// ---------------------------------------------------------------- the funnel and the needs

export type Funnel = { invited: number; sent: number; answered: number; yes: number; no: number; maybe: number; waitlisted: number; expected: number; present: number; walkIns: number };

/** invited → answered → yes → present; walk-ins counted apart (they were not invited). */
export function funnelOf(eventId: number): Funnel {
  const row = getDb()
    .select({
      invited: sql<number>`coalesce(sum(${eventInvitations.walkIn} = 0), 0)`,
      sent: sql<number>`coalesce(sum(${eventInvitations.walkIn} = 0 AND ${eventInvitations.sendState} = 'sent'), 0)`,
      answered: sql<number>`coalesce(sum(${eventInvitations.walkIn} = 0 AND ${eventInvitations.answer} IS NOT NULL), 0)`,
      yes: sql<number>`coalesce(sum(${eventInvitations.walkIn} = 0 AND ${eventInvitations.answer} = 'yes'), 0)`,
      no: sql<number>`coalesce(sum(${eventInvitations.answer} = 'no'), 0)`,
      maybe: sql<number>`coalesce(sum(${eventInvitations.answer} = 'maybe'), 0)`,
      waitlisted: sql<number>`coalesce(sum(${eventInvitations.answer} = 'yes' AND ${eventInvitations.waitlisted} = 1), 0)`,
      expected: sql<number>`coalesce(sum(CASE WHEN ${eventInvitations.answer} = 'yes' AND ${eventInvitations.waitlisted} = 0 THEN ${eventInvitations.attendees} ELSE 0 END), 0)`,
      present: sql<number>`coalesce(sum(${eventInvitations.walkIn} = 0 AND ${eventInvitations.checkedInAt} IS NOT NULL), 0)`,
      walkIns: sql<number>`coalesce(sum(${eventInvitations.walkIn} = 1), 0)`,
    })
    .from(eventInvitations)
    .where(eq(eventInvitations.eventId, eventId))
    .get();
  return row ?? { invited: 0, sent: 0, answered: 0, yes: 0, no: 0, maybe: 0, waitlisted: 0, expected: 0, present: 0, walkIns: 0 };
}

/** Interpretation per language (people, guests included) and the accessibility needs, of those who said yes. */
export function needsOf(eventId: number) {
  const rows = getDb()
    .select({ interpretation: eventInvitations.interpretation, attendees: eventInvitations.attendees, accessibility: eventInvitations.accessibility })
    .from(eventInvitations)
    .where(and(eq(eventInvitations.eventId, eventId), eq(eventInvitations.answer, "yes")))
    .all();
  const interpretation = new Map<string, number>();
  const accessibility: string[] = [];
  for (const row of rows) {
    for (const language of splitList(row.interpretation)) interpretation.set(language, (interpretation.get(language) ?? 0) + row.attendees);
    if (row.accessibility) accessibility.push(row.accessibility);
  }
  return { interpretation: [...interpretation].map(([language, people]) => ({ language, people })), accessibility };
}

/** The funnel of every event that has invitations, newest first (the reports page). */
export function funnelsByEvent() {
  const db = getDb();
  const eventIds = db
    .selectDistinct({ id: eventInvitations.eventId, title: events.title, startsOn: events.startsOn })
    .from(eventInvitations)
    .innerJoin(events, eq(events.id, eventInvitations.eventId))
    .orderBy(sql`${events.startsOn} DESC`, asc(events.id))
    .all();
  return eventIds.map((e) => ({ ...e, funnel: funnelOf(e.id) }));
}

// ---------------------------------------------------------------- sending

export type SendSettings = MailSettings & { appUrl?: string };
export type SendSummary = { sent: number; failed: number; skipped: number };

function appUrlOf(settings: SendSettings) {
  return (settings.appUrl ?? env().APP_URL).replace(/\/$/, "");
}

export function rsvpUrl(appUrl: string, token: string) {
  return `${appUrl}/rsvp/${token}`;
}

type EventForMail = { title: string; startsOn: string; endsOn: string | null; place: string | null };

/** The invitation (or the reminder) in the invitee's language, with the coordinator's text for that language. */
export function composeInvitation(invitation: Pick<Invitation, "name" | "locale" | "token">, event: EventForMail, settings: InvitationSettings, appUrl: string, reminder: boolean) {
  const t = makeTranslate(invitation.locale);
  const own = invitation.locale === "bg" ? { subject: settings.subjectBg, body: settings.bodyBg } : { subject: settings.subjectEn, body: settings.bodyEn };
  const when = formatLongDate(invitation.locale, event.startsOn) + (event.endsOn && event.endsOn !== event.startsOn ? ` – ${formatLongDate(invitation.locale, event.endsOn)}` : "");
  const subject = (reminder ? t("invitations.mail.reminderPrefix") : "") + (own.subject || t("invitations.mail.subject", { title: event.title }));
  const url = rsvpUrl(appUrl, invitation.token);
  const parts: MailPart[] = [
    { kind: "paragraph", text: t("invitations.mail.greeting", { name: invitation.name }) },
    ...(own.body ? own.body.split(/\n{2,}/).map((text): MailPart => ({ kind: "paragraph", text: text.trim() })) : [{ kind: "paragraph" as const, text: t("invitations.mail.defaultBody", { title: event.title }) }]),
    { kind: "heading", text: event.title },
    { kind: "paragraph", text: event.place ? `${when} · ${event.place}` : when },
    { kind: "link", text: t(reminder ? "invitations.mail.reminderLink" : "invitations.mail.answerLink", { url: LINK }), url },
    { kind: "paragraph", text: t("invitations.mail.personal") },
  ];
  return { subject, text: mailText(parts), html: mailHtml(parts, { lang: invitation.locale, title: subject }) };
}

/** The reply to a "yes": the door code and the QR code of the personal link. */
export async function composeConfirmation(invitation: Pick<Invitation, "name" | "locale" | "token">, event: EventForMail, appUrl: string) {
  const t = makeTranslate(invitation.locale);
  const url = rsvpUrl(appUrl, invitation.token);
  const subject = t("invitations.mail.confirmSubject", { title: event.title });
  const parts: MailPart[] = [
    { kind: "paragraph", text: t("invitations.mail.greeting", { name: invitation.name }) },
    { kind: "paragraph", text: t("invitations.mail.confirmBody", { title: event.title, date: formatLongDate(invitation.locale, event.startsOn) }) },
    { kind: "paragraph", text: t("invitations.doorCode", { code: doorCodeOf(invitation.token) }) },
    { kind: "link", text: t("invitations.mail.changeLink", { url: LINK }), url },
  ];
  const qr = await qrDataUrl(url);
  const html = mailHtml(parts, { lang: invitation.locale, title: subject }).replace(
    "</body>",
    `<p><img src="${qr}" width="220" height="220" alt="${t("invitations.qrAlt")}"></p>\n</body>`,
  );
  return { subject, text: mailText(parts), html };
}

/** A QR code as an SVG data: URL (the page's CSP allows data: images). */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** Rows waiting to be sent: never sent, or refused by the SMTP server (so not received); never a `sending` one. */
function waitingFor(kind: "invitation" | "reminder") {
  return kind === "invitation"
    ? inArray(eventInvitations.sendState, ["pending", "failed"])
    : inArray(eventInvitations.reminderState, ["queued", "failed"]);
}

type Claimed = Invitation & { event: EventForMail };

/**
 * Claims one invitation for sending, in its own transaction: only a row still waiting (or whose
 * last attempt the SMTP server refused) is taken, and it is `sending` from then on. A sender killed
 * after this leaves the row `sending`: no later run sends it again by itself.
 */
function claim(id: number, kind: "invitation" | "reminder"): Claimed | null {
  const db = getDb();
  return db.transaction((tx) => {
    const updated = tx
      .update(eventInvitations)
      .set(kind === "invitation" ? { sendState: "sending" } : { reminderState: "sending" })
      .where(and(eq(eventInvitations.id, id), waitingFor(kind)))
      .returning()
      .get();
    if (!updated) return null;
    const event = tx.select({ title: events.title, startsOn: events.startsOn, endsOn: events.endsOn, place: events.place }).from(events).where(eq(events.id, updated.eventId)).get()!;
    return { ...updated, event };
  });
}

function refugeeMayBeMailed(refugeeContactId: number | null): boolean {
  if (refugeeContactId == null) return true;
  const db = getDb();
  const contact = db.select({ erasedAt: refugeeContacts.erasedAt }).from(refugeeContacts).where(eq(refugeeContacts.id, refugeeContactId)).get();
  if (!contact || contact.erasedAt) return false;
  return hasCurrentConsent(consentsByContact(db, [refugeeContactId]).get(refugeeContactId) ?? [], "forum_participation", todayIso());
}

/**
 * Sends every invitation of the event not yet sent, then every queued reminder: each to its one
 * invitee (never a message with other recipients), in the invitee's language. Resumable: run it
 * again after a crash and it goes on with what is left.
 */
export async function runInvitationSender(eventId: number, settings: SendSettings = {}): Promise<SendSummary> {
  const db = getDb();
  const appUrl = appUrlOf(settings);
  const eventSettings = settingsOf(db, eventId);
  const summary: SendSummary = { sent: 0, failed: 0, skipped: 0 };
  const event = db.select().from(events).where(eq(events.id, eventId)).get();
  if (!event || eventIsOver(event)) return summary;
  for (const kind of ["invitation", "reminder"] as const) {
    const ids = db
      .select({ id: eventInvitations.id })
      .from(eventInvitations)
      .where(and(eq(eventInvitations.eventId, eventId), waitingFor(kind), isNotNull(eventInvitations.email), eq(eventInvitations.walkIn, false)))
      .orderBy(asc(eventInvitations.id))
      .all();
    for (const { id } of ids) {
      const invitation = claim(id, kind);
      if (!invitation) continue;
      const now = () => new Date().toISOString();
      if (!invitation.email || !refugeeMayBeMailed(invitation.refugeeContactId)) {
        // Consent withdrawn since: nothing goes out, and the row says why.
        db.update(eventInvitations)
          .set(kind === "invitation" ? { sendState: "failed", sendError: "consent" } : { reminderState: "failed" })
          .where(eq(eventInvitations.id, id))
          .run();
        summary.skipped++;
        continue;
      }
      const message = composeInvitation(invitation, invitation.event, eventSettings, appUrl, kind === "reminder");
      const outcome = await sendMail(
        { userId: null, to: invitation.email, toName: invitation.name, subject: message.subject, text: message.text, html: message.html, kind: kind === "invitation" ? "event_invitation" : "event_reminder" },
        settings,
      );
      // Without SMTP the message waits in the outbox, which is where it is "sent" to.
      const ok = outcome.error === null;
      db.update(eventInvitations)
        .set(
          kind === "invitation"
            ? { sendState: ok ? "sent" : "failed", sentAt: ok ? now() : null, sendError: outcome.error?.slice(0, 500) ?? null }
            : { reminderState: ok ? "sent" : "failed", remindedAt: ok ? now() : invitation.remindedAt },
        )
        .where(eq(eventInvitations.id, id))
        .run();
      if (ok) summary.sent++;
      else summary.failed++;
    }
  }
  return summary;
}

/** Invitations whose sending was cut off midway: perhaps received, so only a person decides to send them again. */
export function resendInvitation(user: CurrentUser, eventId: number, invitationId: number, ctx: WriteContext = {}): boolean {
  requireInvitationManagement(user);
  return getDb().transaction((tx) => {
    const result = tx
      .update(eventInvitations)
      .set({ sendState: "pending", sendError: null })
      .where(and(eq(eventInvitations.id, invitationId), eq(eventInvitations.eventId, eventId), inArray(eventInvitations.sendState, ["sending", "failed"])))
      .run();
    if (!result.changes) return false;
    writeAudit(tx, { userId: user.id, action: "invitation_resend", entityType: "event", entityId: eventId, detail: { invitationId }, ip: ctx.ip });
    return true;
  });
}

/** Queues one reminder for each invitee who got the invitation and has not answered. */
export function queueReminders(user: CurrentUser, eventId: number, ctx: WriteContext = {}): number {
  requireInvitationManagement(user);
  return getDb().transaction((tx) => {
    const result = tx
      .update(eventInvitations)
      .set({ reminderState: "queued" })
      .where(
        and(
          eq(eventInvitations.eventId, eventId),
          eq(eventInvitations.sendState, "sent"),
          isNull(eventInvitations.answer),
          or(isNull(eventInvitations.reminderState), inArray(eventInvitations.reminderState, ["sent", "failed"])),
        ),
      )
      .run();
    writeAudit(tx, { userId: user.id, action: "invitation_remind", entityType: "event", entityId: eventId, detail: { queued: result.changes }, ip: ctx.ip });
    return result.changes;
  });
}

export function queueSending(user: CurrentUser, eventId: number, ctx: WriteContext = {}) {
  requireInvitationManagement(user);
  writeAudit(getDb(), { userId: user.id, action: "invitation_send", entityType: "event", entityId: eventId, ip: ctx.ip });
}

// ---------------------------------------------------------------- the personal link

export type RsvpView = { invitation: Invitation; event: typeof events.$inferSelect; settings: InvitationSettings; canChange: boolean };

/** The invitation behind a personal link, or null: unknown token, or the event is over. */
export function findByToken(token: string): RsvpView | null {
  if (!/^[0-9a-f]{64}$/.test(token)) return null;
  const db = getDb();
  const invitation = db.select().from(eventInvitations).where(eq(eventInvitations.token, token)).get();
  if (!invitation) return null;
  const event = db.select().from(events).where(eq(events.id, invitation.eventId)).get();
  if (!event || eventIsOver(event)) return null;
  // An erased refugee contact's link stops working with the erasure.
  if (invitation.refugeeContactId != null && !db.select({ id: refugeeContacts.id }).from(refugeeContacts).where(and(eq(refugeeContacts.id, invitation.refugeeContactId), isNull(refugeeContacts.erasedAt))).get()) return null;
  const settings = settingsOf(db, event.id);
  const canChange = !settings.answerDeadline || todayIso() <= settings.answerDeadline;
  return { invitation, event, settings, canChange };
}

/** Seats held by confirmed "yes" answers (not those waiting), leaving out one invitation's own when it is answering again. */
function seatsTaken(tx: DbOrTx, eventId: number, exceptInvitationId?: number): number {
  const conditions = [eq(eventInvitations.eventId, eventId), eq(eventInvitations.answer, "yes"), eq(eventInvitations.waitlisted, false)];
  if (exceptInvitationId != null) conditions.push(sql`${eventInvitations.id} <> ${exceptInvitationId}`);
  return (
    tx
      .select({ n: sql<number>`coalesce(sum(${eventInvitations.attendees}), 0)` })
      .from(eventInvitations)
      .where(and(...conditions))
      .get()?.n ?? 0
  );
}

/**
 * Seats freed (a "no", fewer attendees, a removal, a larger or no capacity) go to the waiting list
 * in the order of the answers; the first in line who does not fit stops it, so nobody is passed
 * over by a smaller party. Runs inside the caller's transaction; returns who moved up.
 */
function promoteFromWaitingList(tx: DbOrTx, eventId: number, ctx: WriteContext): Invitation[] {
  const { capacity } = settingsOf(tx, eventId);
  const waiting = tx
    .select()
    .from(eventInvitations)
    .where(and(eq(eventInvitations.eventId, eventId), eq(eventInvitations.answer, "yes"), eq(eventInvitations.waitlisted, true)))
    .orderBy(asc(eventInvitations.answeredAt), asc(eventInvitations.id))
    .all();
  if (!waiting.length) return [];
  let taken = seatsTaken(tx, eventId);
  const promoted: Invitation[] = [];
  for (const invitation of waiting) {
    if (capacity != null && taken + invitation.attendees > capacity) break;
    tx.update(eventInvitations)
      .set({ waitlisted: false, updatedAt: new Date().toISOString(), version: invitation.version + 1 })
      .where(eq(eventInvitations.id, invitation.id))
      .run();
    writeAudit(tx, { userId: null, action: "rsvp_promoted", entityType: "event", entityId: eventId, detail: { invitationId: invitation.id, attendees: invitation.attendees }, ip: ctx.ip });
    taken += invitation.attendees;
    promoted.push({ ...invitation, waitlisted: false });
  }
  return promoted;
}

/** Tells everyone who moved up from the waiting list that their seat is confirmed, with their door code. */
export async function confirmPromoted(promoted: Invitation[], eventId: number, appUrl?: string): Promise<void> {
  if (!promoted.length) return;
  const event = getDb().select().from(events).where(eq(events.id, eventId)).get();
  if (!event) return;
  for (const invitation of promoted) {
    if (!invitation.email || !refugeeMayBeMailed(invitation.refugeeContactId)) continue;
    const message = await composeConfirmation(invitation, event, appUrlOf({ appUrl }));
    await sendMail({ userId: null, to: invitation.email, toName: invitation.name, ...message, kind: "event_confirmation" });
  }
}

export type AnswerResult = { ok: true; waitlisted: boolean; confirm: boolean; promoted: Invitation[] } | { ok: false; reason: "closed" | "full" | "invalidLanguage" };

/** Saves the invitee's answer; a "yes" beyond the capacity waits on the list or is refused. */
export function answerInvitation(view: RsvpView, input: RsvpInput, ctx: WriteContext = {}): AnswerResult {
  if (!view.canChange) return { ok: false, reason: "closed" };
  const offered = splitList(view.settings.interpretationLanguages);
  if (input.interpretation.some((l) => !offered.includes(l))) return { ok: false, reason: "invalidLanguage" };
  return getDb().transaction((tx) => {
    const current = tx.select().from(eventInvitations).where(eq(eventInvitations.id, view.invitation.id)).get()!;
    let waitlisted = false;
    if (input.answer === "yes" && view.settings.capacity != null) {
      const taken = seatsTaken(tx, current.eventId, current.id);
      if (taken + input.attendees > view.settings.capacity) {
        if (!view.settings.waitingList) return { ok: false, reason: "full" } as const;
        waitlisted = true;
      }
    }
    const values = {
      answer: input.answer,
      attendees: input.answer === "no" ? 1 : input.attendees,
      interpretation: input.answer === "no" ? "" : input.interpretation.join(","),
      accessibility: input.answer === "no" ? null : input.accessibility,
      note: input.note,
      waitlisted,
      answeredAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      version: current.version + 1,
    };
    tx.update(eventInvitations).set(values).where(eq(eventInvitations.id, current.id)).run();
    writeAudit(tx, {
      userId: null,
      action: "rsvp_answer",
      entityType: "event",
      entityId: current.eventId,
      detail: { invitationId: current.id, answer: input.answer, attendees: values.attendees, waitlisted },
      ip: ctx.ip,
    });
    // A confirmed "yes" that became a "no" or fewer people leaves seats for the waiting list.
    const freedSeats = current.answer === "yes" && !current.waitlisted && (input.answer !== "yes" || values.attendees < current.attendees);
    const promoted = freedSeats ? promoteFromWaitingList(tx, current.eventId, ctx) : [];
    return { ok: true, waitlisted, confirm: input.answer === "yes" && (current.answer !== "yes" || current.waitlisted !== waitlisted), promoted } as const;
  });
}

// ---------------------------------------------------------------- the door

export type DoorRow = {
  id: number;
  name: string;
  organizationName: string | null;
  answer: string | null;
  attendees: number;
  walkIn: boolean;
  checkedInAt: string | null;
  interpretation: string;
  searchKey: string;
};

/** Everyone expected or already in (those who said no are left out), in Bulgarian order. */
export function doorList(user: CurrentUser, eventId: number): DoorRow[] {
  requireInvitationManagement(user);
  return getDb()
    .select({
      id: eventInvitations.id,
      name: eventInvitations.name,
      organizationName: eventInvitations.organizationName,
      answer: eventInvitations.answer,
      attendees: eventInvitations.attendees,
      walkIn: eventInvitations.walkIn,
      checkedInAt: eventInvitations.checkedInAt,
      interpretation: eventInvitations.interpretation,
      searchKey: eventInvitations.searchKey,
    })
    .from(eventInvitations)
    .where(and(eq(eventInvitations.eventId, eventId), or(isNull(eventInvitations.answer), sql`${eventInvitations.answer} <> 'no'`, isNotNull(eventInvitations.checkedInAt))))
    .orderBy(asc(eventInvitations.sortKey), asc(eventInvitations.id))
    .all();
}

/** Those present, in Bulgarian alphabetical order (the printed attendance list). */
export function attendanceOf(user: CurrentUser, eventId: number) {
  return doorList(user, eventId).filter((r) => r.checkedInAt);
}

/** Attendance makes the invitee a participant of the event: a person with their invitation's role, a refugee contact as a participant. */
function recordParticipant(tx: DbOrTx, invitation: Invitation) {
  if (invitation.personId != null) {
    const exists = tx
      .select({ id: eventParticipants.id })
      .from(eventParticipants)
      .where(and(eq(eventParticipants.eventId, invitation.eventId), eq(eventParticipants.personId, invitation.personId)))
      .get();
    if (!exists) tx.insert(eventParticipants).values({ eventId: invitation.eventId, personId: invitation.personId, role: invitation.role }).run();
  } else if (invitation.refugeeContactId != null) {
    const exists = tx
      .select({ id: eventParticipants.id })
      .from(eventParticipants)
      .where(and(eq(eventParticipants.eventId, invitation.eventId), eq(eventParticipants.refugeeContactId, invitation.refugeeContactId)))
      .get();
    if (!exists) tx.insert(eventParticipants).values({ eventId: invitation.eventId, refugeeContactId: invitation.refugeeContactId, role: "participant" }).run();
  }
}

export type CheckInResult = { ok: true; id: number; name: string; already: boolean } | { ok: false; reason: "notFound" | "ambiguous" };

/** Marks an invitee present (once; a second tap changes nothing) and makes them a participant. */
export function checkIn(user: CurrentUser, eventId: number, by: { id: number } | { token: string } | { code: string }, ctx: WriteContext = {}): CheckInResult {
  requireInvitationManagement(user);
  return getDb().transaction((tx) => {
    const where =
      "id" in by
        ? eq(eventInvitations.id, by.id)
        : "token" in by
          ? eq(eventInvitations.token, by.token)
          : sql`substr(${eventInvitations.token}, 1, 8) = ${by.code}`;
    const rows = tx.select().from(eventInvitations).where(and(eq(eventInvitations.eventId, eventId), where)).limit(2).all();
    if (rows.length === 0) return { ok: false, reason: "notFound" } as const;
    if (rows.length > 1) return { ok: false, reason: "ambiguous" } as const;
    const invitation = rows[0]!;
    if (invitation.checkedInAt) return { ok: true, id: invitation.id, name: invitation.name, already: true } as const;
    tx.update(eventInvitations).set({ checkedInAt: new Date().toISOString(), checkedInById: user.id }).where(eq(eventInvitations.id, invitation.id)).run();
    recordParticipant(tx, invitation);
    writeAudit(tx, { userId: user.id, action: "check_in", entityType: "event", entityId: eventId, detail: { invitationId: invitation.id }, ip: ctx.ip });
    return { ok: true, id: invitation.id, name: invitation.name, already: false } as const;
  });
}

/** Someone who came without an invitation: on the list as a walk-in, present; a known person (by e-mail) also becomes a participant. */
export function registerWalkIn(user: CurrentUser, eventId: number, input: { name: string; email: string | null; organizationName: string | null }, ctx: WriteContext = {}): CheckInResult {
  requireInvitationManagement(user);
  getEvent(user, eventId);
  // Already invited under this address: that invitation is checked in, not a second one made.
  const invited = input.email
    ? getDb().select({ id: eventInvitations.id }).from(eventInvitations).where(and(eq(eventInvitations.eventId, eventId), eq(eventInvitations.emailKey, input.email.toLowerCase()))).get()
    : undefined;
  if (invited) return checkIn(user, eventId, { id: invited.id }, ctx);
  return getDb().transaction((tx) => {
    const person = input.email ? tx.select({ id: people.id }).from(people).where(sql`lower(${people.email}) = ${input.email.toLowerCase()}`).get() : undefined;
    const values = {
      ...invitationValues(eventId, { ...input, personId: person?.id ?? null, locale: user.locale, role: "participant", walkIn: true }, user.id),
      checkedInAt: new Date().toISOString(),
      checkedInById: user.id,
    };
    const row = tx.insert(eventInvitations).values(values).returning().get();
    recordParticipant(tx, row);
    writeAudit(tx, { userId: user.id, action: "walk_in", entityType: "event", entityId: eventId, detail: { invitationId: row.id, name: row.name }, ip: ctx.ip });
    return { ok: true, id: row.id, name: row.name, already: false } as const;
  });
}

/** Refugee contacts who may be invited now: not erased, with a current consent to forum participation (by name). */
export function invitableRefugees(user: CurrentUser): Array<{ id: number; name: string }> {
  requireRefugeeInvitation(user);
  const db = getDb();
  const contacts = db
    .select({ id: refugeeContacts.id, name: refugeeContacts.name })
    .from(refugeeContacts)
    .where(isNull(refugeeContacts.erasedAt))
    .orderBy(asc(refugeeContacts.sortKey), asc(refugeeContacts.id))
    .all();
  const consents = consentsByContact(db, contacts.map((c) => c.id));
  const today = todayIso();
  return contacts.filter((c) => hasCurrentConsent(consents.get(c.id) ?? [], "forum_participation", today));
}
