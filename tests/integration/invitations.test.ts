// Issue 21: the invitation list, the personal link, the door and what remains after the event —
// through the route modules (loaders and actions as Remix calls them) and the database.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { auditEntries, eventInvitations, eventParticipants, outbox } from "#app/db/schema.ts";
import { addDays, todayIso } from "#app/lib/calendar-day.ts";
import { transliterate } from "#app/lib/transliterate.ts";
import jsQR from "jsqr";
import QRCode from "qrcode";
import { readDoorInput } from "#app/domain/invitation.ts";
import { newToken } from "#app/models/invitations.server.ts";
import * as invitationsRoute from "#app/routes/events.$id.invitations.tsx";
import * as checkInRoute from "#app/routes/events.$id.check-in.tsx";
import * as attendanceRoute from "#app/routes/events.$id.attendance.tsx";
import * as exportRoute from "#app/routes/events.$id.invitations_.$file.ts";
import * as eventRoute from "#app/routes/events.$id._index.tsx";
import * as rsvpRoute from "#app/routes/rsvp.$token.tsx";
import * as reportsRoute from "#app/routes/reports._index.tsx";
import { call, type DemoUser } from "#tests/helpers.ts";
import { freshEvent, freshPeople, invitationRows, uniqueTag } from "./invitations-helpers.ts";
import { freshContact } from "./refugees-helpers.ts";
import { actingAs } from "./record-fixtures.ts";
import { eraseRefugeeContact } from "#app/models/refugees.server.ts";

const invite = (eventId: number, form: Record<string, string>, as: DemoUser = "coordinator") =>
  call(invitationsRoute, "action", { path: `/events/${eventId}/invitations`, params: { id: String(eventId) }, as, form });
const rsvp = (token: string, kind: "loader" | "action" = "loader", form?: Record<string, string | string[]>) =>
  call(rsvpRoute, kind, { path: `/rsvp/${token}`, params: { token }, as: null, form });
const door = (eventId: number, form: Record<string, string>) =>
  call(checkInRoute, "action", { path: `/events/${eventId}/check-in`, params: { id: String(eventId) }, as: "coordinator", form });

describe("the invitation list (point 1)", () => {
  it("invites everyone on a filtered /people list by its query, one invitation per e-mail, in each person's language", async () => {
    const event = freshEvent();
    const tag = uniqueTag();
    const people = freshPeople(tag, [
      { first: "Иван", email: `ivan.${tag}@example.org`, languages: "български, английски" },
      { first: "Мария", email: `maria.${tag}@example.org`, languages: "English, French" },
      // The same address twice (another spelling of the case): one invitation.
      { first: "Яна", email: `MARIA.${tag}@example.org` },
      { first: "Петър", email: null },
    ]);
    // A person not on the filtered list is not invited.
    const otherTag = uniqueTag("other");
    freshPeople(otherTag, [{ first: "Стоян", email: `stoyan.${otherTag}@example.org` }]);

    const r = await invite(event.id, { intent: "invitePeople", peopleQuery: `/people?q=${encodeURIComponent(tag)}&sort=name`, locale: "bg", role: "participant" });
    expect(r.status).toBe(200);
    expect(r.data.count).toBe(3);
    const rows = invitationRows(event.id);
    expect(rows.map((row) => row.personId).sort()).toEqual([people[0]!.id, people[1]!.id, people[3]!.id].sort());
    expect(rows.find((row) => row.personId === people[0]!.id)!.locale).toBe("bg");
    expect(rows.find((row) => row.personId === people[1]!.id)!.locale).toBe("en");

    // Inviting the same list again adds no one.
    const again = await invite(event.id, { intent: "invitePeople", peopleQuery: `q=${encodeURIComponent(tag)}`, locale: "bg", role: "participant" });
    expect(again.data.count).toBe(0);
    expect(invitationRows(event.id)).toHaveLength(3);
    // A guest with an address already invited is the same invitee.
    const guest = await invite(event.id, { intent: "inviteGuest", name: "Някой", email: `IVAN.${tag}@example.org`, locale: "en", role: "participant" });
    expect(guest.data.count).toBe(0);
    expect(invitationRows(event.id)).toHaveLength(3);
  });

  it("invites an organization's contact people, and one by one", async () => {
    const event = freshEvent();
    const orgId = getDb().$client.prepare("SELECT organization_id AS id FROM people WHERE organization_id IS NOT NULL AND archived = 0 GROUP BY organization_id HAVING count(*) >= 2 LIMIT 1").get() as { id: number };
    expect(orgId).toBeTruthy();
    const contacts = getDb().$client.prepare("SELECT id FROM people WHERE organization_id = ? AND archived = 0").all(orgId.id) as Array<{ id: number }>;
    const r = await invite(event.id, { intent: "inviteOrganization", organizationId: String(orgId.id), locale: "bg", role: "speaker" });
    expect(r.status).toBe(200);
    const rows = invitationRows(event.id);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.personId))).toEqual(new Set(contacts.map((c) => c.id)));
    expect(rows.every((row) => row.role === "speaker" && row.organizationName)).toBe(true);

    const tag = uniqueTag();
    const [one] = freshPeople(tag, [{ first: "Елена", email: `elena.${tag}@example.org` }]);
    expect((await invite(event.id, { intent: "invitePerson", personId: String(one!.id), locale: "en", role: "participant" })).data.count).toBe(1);
    expect((await invite(event.id, { intent: "inviteGuest", name: "Guest Speaker", email: `guest.${tag}@example.org`, locale: "en", role: "speaker" })).data.count).toBe(1);
    expect(invitationRows(event.id)).toHaveLength(rows.length + 2);
  });

  it("invites a refugee contact only with a current consent to forum participation", async () => {
    const event = freshEvent();
    const withConsent = freshContact(["forum_participation"]);
    const withoutConsent = freshContact(["follow_up_contact"]);
    const refused = await invite(event.id, { intent: "inviteRefugee", refugeeContactId: String(withoutConsent.id), locale: "bg" });
    expect(refused.status).toBe(400);
    expect(refused.data.error).toBe("invitations.refugee.noConsent");
    expect(invitationRows(event.id)).toHaveLength(0);
    const page = await call(invitationsRoute, "loader", { path: `/events/${event.id}/invitations`, params: { id: String(event.id) }, as: "coordinator" });
    const offered = (page.data as { refugees: Array<{ id: number }> }).refugees.map((r) => r.id);
    expect(offered).toContain(withConsent.id);
    expect(offered).not.toContain(withoutConsent.id);
    const ok = await invite(event.id, { intent: "inviteRefugee", refugeeContactId: String(withConsent.id), locale: "bg" });
    expect(ok.status).toBe(200);
    expect(invitationRows(event.id).map((r) => r.refugeeContactId)).toEqual([withConsent.id]);
  });

  it("erasing an invited refugee contact leaves no copy of their name in the invitation, and their link stops working", async () => {
    const event = freshEvent();
    const contact = freshContact(["forum_participation"]);
    await invite(event.id, { intent: "inviteRefugee", refugeeContactId: String(contact.id), locale: "en" });
    const [row] = invitationRows(event.id);
    expect(row!.name).toBe(contact.name);
    expect((await rsvp(row!.token)).status).toBe(200);
    // They answer with access needs and a note of their own.
    const accessibility = "Инвалидна количка, без стълби";
    const note = "Ще дойда с брат си Карим";
    expect((await rsvp(row!.token, "action", { answer: "yes", attendees: "1", accessibility, note })).status).toBe(200);
    expect(invitationRows(event.id)[0]).toMatchObject({ accessibility, note });
    const erased = await eraseRefugeeContact(actingAs("coordinator"), contact.id, { confirmed: true });
    expect(erased.ok).toBe(true);
    const after = invitationRows(event.id)[0]!;
    expect(JSON.stringify(after)).not.toContain(contact.name);
    expect(after).toMatchObject({ accessibility: null, note: null, interpretation: "" });
    expect((await rsvp(row!.token)).status).toBe(404);
  });

  it("is for coordinators and admins: a manager gets 403, a partner 404, and nothing is written", async () => {
    const event = freshEvent();
    for (const [as, status] of [["manager", 403], ["partnerSofia", 404]] as const) {
      const page = await call(invitationsRoute, "loader", { path: `/events/${event.id}/invitations`, params: { id: String(event.id) }, as });
      expect(page.status).toBe(status);
      const post = await invite(event.id, { intent: "inviteGuest", name: "X", email: "x@example.org", locale: "bg", role: "participant" }, as);
      expect(post.status).toBe(status);
      const doorPage = await call(checkInRoute, "loader", { path: `/events/${event.id}/check-in`, params: { id: String(event.id) }, as });
      expect(doorPage.status).toBe(status);
    }
    expect(invitationRows(event.id)).toHaveLength(0);
  });

  it("with a capacity, a yes beyond it waits on the list (or is refused without one)", async () => {
    const event = freshEvent();
    await invite(event.id, { intent: "settings", capacity: "3", waitingList: "on", interpretationLanguages: "Arabic, Farsi" });
    const tag = uniqueTag();
    await invite(event.id, { intent: "inviteGuest", name: "Първи", email: `a.${tag}@example.org`, locale: "bg", role: "participant" });
    await invite(event.id, { intent: "inviteGuest", name: "Втори", email: `b.${tag}@example.org`, locale: "bg", role: "participant" });
    const [a, b] = invitationRows(event.id);
    expect((await rsvp(a!.token, "action", { answer: "yes", attendees: "3" })).data.waitlisted).toBe(false);
    expect((await rsvp(b!.token, "action", { answer: "yes", attendees: "1" })).data.waitlisted).toBe(true);
    await invite(event.id, { intent: "settings", capacity: "3", interpretationLanguages: "Arabic, Farsi" });
    const full = await rsvp(b!.token, "action", { answer: "yes", attendees: "1" });
    expect(full.status).toBe(409);
    expect(full.data.error).toBe("invitations.rsvp.full");
  });
});

describe("the waiting list moves up by itself", () => {
  const confirmationsTo = (email: string) =>
    getDb().select().from(outbox).where(and(eq(outbox.toEmail, email), eq(outbox.kind, "event_confirmation"))).all();

  it("seats freed by a «no», fewer people, a removal or a larger capacity go to those waiting, first come first served, each told by e-mail", async () => {
    const event = freshEvent();
    await invite(event.id, { intent: "settings", capacity: "4", waitingList: "on" });
    const tag = uniqueTag();
    const names = ["Първи", "Втори", "Трети", "Четвърти", "Пети"];
    for (const [i, name] of names.entries()) await invite(event.id, { intent: "inviteGuest", name, email: `g${i}.${tag}@example.org`, locale: "bg", role: "participant" });
    const byName = (name: string) => invitationRows(event.id).find((row) => row.name === name)!;
    const email = (name: string) => `g${names.indexOf(name)}.${tag}@example.org`;

    // 3 + 1 fill the four seats; then a party of 2, a party of 1 and a party of 1 wait, in that order.
    expect((await rsvp(byName("Първи").token, "action", { answer: "yes", attendees: "3" })).data.waitlisted).toBe(false);
    expect((await rsvp(byName("Втори").token, "action", { answer: "yes", attendees: "1" })).data.waitlisted).toBe(false);
    expect((await rsvp(byName("Трети").token, "action", { answer: "yes", attendees: "2" })).data.waitlisted).toBe(true);
    expect((await rsvp(byName("Четвърти").token, "action", { answer: "yes", attendees: "1" })).data.waitlisted).toBe(true);
    expect((await rsvp(byName("Пети").token, "action", { answer: "yes", attendees: "1" })).data.waitlisted).toBe(true);
    expect(confirmationsTo(email("Трети"))).toHaveLength(0);

    // «Първи» comes with one person instead of three: two seats, exactly «Трети»'s party of two.
    await rsvp(byName("Първи").token, "action", { answer: "yes", attendees: "1" });
    expect(byName("Трети").waitlisted).toBe(false);
    expect(byName("Четвърти").waitlisted).toBe(true);
    const mails = confirmationsTo(email("Трети"));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.bodyText).toContain(byName("Трети").token);

    // «Втори» says no: one seat, to the next in line; «Пети» still waits.
    await rsvp(byName("Втори").token, "action", { answer: "no" });
    expect(byName("Четвърти").waitlisted).toBe(false);
    expect(byName("Пети").waitlisted).toBe(true);
    expect(confirmationsTo(email("Четвърти"))).toHaveLength(1);

    // The coordinator removes «Четвърти»: the seat goes to «Пети», and the page says so.
    const removed = await invite(event.id, { intent: "remove", invitationId: String(byName("Четвърти").id) });
    expect(removed.data.notice).toBe("invitations.removedPromoted");
    expect(removed.data.count).toBe(1);
    expect(byName("Пети").waitlisted).toBe(false);
    expect(confirmationsTo(email("Пети"))).toHaveLength(1);
    const audited = getDb().select().from(auditEntries).where(and(eq(auditEntries.action, "rsvp_promoted"), eq(auditEntries.entityId, event.id))).all();
    expect(audited).toHaveLength(3);
  });

  it("a party too large for the freed seat keeps its place at the head of the line; a larger capacity lets it in; nobody is mailed twice", async () => {
    const event = freshEvent();
    await invite(event.id, { intent: "settings", capacity: "2", waitingList: "on" });
    const tag = uniqueTag();
    const email = (name: string) => `${transliterate(name).toLowerCase()}.${tag}@example.org`;
    for (const name of ["Едно", "Две", "Три"]) await invite(event.id, { intent: "inviteGuest", name, email: email(name), locale: "en", role: "participant" });
    const byName = (name: string) => invitationRows(event.id).find((row) => row.name === name)!;
    await rsvp(byName("Едно").token, "action", { answer: "yes", attendees: "2" });
    expect((await rsvp(byName("Две").token, "action", { answer: "yes", attendees: "2" })).data.waitlisted).toBe(true);
    expect((await rsvp(byName("Три").token, "action", { answer: "yes", attendees: "1" })).data.waitlisted).toBe(true);

    // One seat freed: «Две» (two people) does not fit, and «Три» is not let in ahead of them.
    await rsvp(byName("Едно").token, "action", { answer: "yes", attendees: "1" });
    expect(byName("Две").waitlisted).toBe(true);
    expect(byName("Три").waitlisted).toBe(true);

    const saved = await invite(event.id, { intent: "settings", capacity: "3", waitingList: "on" });
    expect(saved.data.notice).toBe("invitations.settingsSavedPromoted");
    expect(saved.data.count).toBe(1);
    expect(byName("Две").waitlisted).toBe(false);
    expect(byName("Три").waitlisted).toBe(true);
    await invite(event.id, { intent: "settings", capacity: "10", waitingList: "on" });
    await invite(event.id, { intent: "settings", capacity: "12", waitingList: "on" });
    expect(byName("Три").waitlisted).toBe(false);
    for (const name of ["Две", "Три"]) {
      const mails = confirmationsTo(email(name));
      expect(mails).toHaveLength(1);
      // In the invitee's own language.
      expect(mails[0]!.subject).toMatch(/^Confirmation: /);
    }
  });
});

describe("the personal link (points 2, 3)", () => {
  it("tokens are 256 random bits, all different", () => {
    const tokens = Array.from({ length: 2000 }, newToken);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens) expect(token).toMatch(/^[0-9a-f]{64}$/);
    // Every hex digit turns up in every position over many tokens: no fixed or counting part.
    for (let position = 0; position < 64; position++) expect(new Set(tokens.map((t) => t[position])).size).toBe(16);
  });

  it("answers yes with interpretation and accessibility needs, then changes the answer; the page is in the invitee's language", async () => {
    const event = freshEvent();
    await invite(event.id, { intent: "settings", interpretationLanguages: "Arabic, Farsi, Ukrainian, English" });
    const tag = uniqueTag();
    await invite(event.id, { intent: "inviteGuest", name: "Laila Ahmadi", email: `laila.${tag}@example.org`, locale: "en", role: "participant" });
    const [row] = invitationRows(event.id);

    const page = await rsvp(row!.token);
    expect(page.status).toBe(200);
    expect(page.data.locale).toBe("en");
    expect(page.data.languages).toEqual(["Arabic", "Farsi", "Ukrainian", "English"]);
    expect(page.data.event.title).toBe(event.title);

    const answer = await rsvp(row!.token, "action", { answer: "yes", attendees: "2", interpretation: ["Arabic", "Farsi"], accessibility: "Wheelchair access", note: "Arriving late" });
    expect(answer.status).toBe(200);
    let saved = invitationRows(event.id)[0]!;
    expect(saved).toMatchObject({ answer: "yes", attendees: 2, interpretation: "Arabic,Farsi", accessibility: "Wheelchair access", note: "Arriving late" });
    // The answer is recorded in the audit trail without a user.
    expect(getDb().select().from(auditEntries).where(and(eq(auditEntries.action, "rsvp_answer"), eq(auditEntries.entityId, event.id))).all()).toHaveLength(1);
    // A confirmation with the door code went to the invitee.
    const confirmation = getDb().select().from(outbox).where(and(eq(outbox.toEmail, `laila.${tag}@example.org`), eq(outbox.kind, "event_confirmation"))).all();
    expect(confirmation).toHaveLength(1);
    expect(confirmation[0]!.bodyText).toContain(row!.token.slice(0, 8).toUpperCase());
    // The page now carries the QR code and the door code.
    const after = await rsvp(row!.token);
    expect(after.data.qr).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(after.data.doorCode).toBe(row!.token.slice(0, 8).toUpperCase());

    // A language not offered is refused; the stored answer stays.
    const forged = await rsvp(row!.token, "action", { answer: "yes", interpretation: "Klingon" });
    expect(forged.status).toBe(400);
    expect(invitationRows(event.id)[0]!.interpretation).toBe("Arabic,Farsi");

    await rsvp(row!.token, "action", { answer: "no" });
    saved = invitationRows(event.id)[0]!;
    expect(saved.answer).toBe("no");
    expect(saved.interpretation).toBe("");
  });

  it("after the deadline the answer can no longer be changed", async () => {
    const event = freshEvent();
    await invite(event.id, { intent: "settings", answerDeadline: addDays(todayIso(), -1).split("-").reverse().join(".") });
    await invite(event.id, { intent: "inviteGuest", name: "Късен", email: `late.${uniqueTag()}@example.org`, locale: "bg", role: "participant" });
    const [row] = invitationRows(event.id);
    expect((await rsvp(row!.token)).data.canChange).toBe(false);
    const late = await rsvp(row!.token, "action", { answer: "yes" });
    expect(late.status).toBe(409);
    expect(invitationRows(event.id)[0]!.answer).toBeNull();
  });

  it("a made-up token, a malformed one, or one whose event is over gives 404 and nothing else", async () => {
    for (const token of [newToken(), "abc", "0".repeat(64), `${newToken()}x`]) {
      for (const kind of ["loader", "action"] as const) {
        const r = await rsvp(token, kind, { answer: "yes" });
        expect(r.status, `${kind} ${token}`).toBe(404);
        expect(await r.response!.text()).toBe("Not Found");
      }
    }
    const past = freshEvent({ startsOn: addDays(todayIso(), -10), endsOn: addDays(todayIso(), -9) });
    await invite(past.id, { intent: "inviteGuest", name: "Минал", email: `past.${uniqueTag()}@example.org`, locale: "bg", role: "participant" });
    const [row] = invitationRows(past.id);
    expect((await rsvp(row!.token)).status).toBe(404);
    expect((await rsvp(row!.token, "action", { answer: "yes" })).status).toBe(404);
    expect(invitationRows(past.id)[0]!.answer).toBeNull();
    // The last day of the event itself still works.
    const today = freshEvent({ startsOn: addDays(todayIso(), -1), endsOn: todayIso() });
    await invite(today.id, { intent: "inviteGuest", name: "Днес", email: `today.${uniqueTag()}@example.org`, locale: "bg", role: "participant" });
    expect((await rsvp(invitationRows(today.id)[0]!.token)).status).toBe(200);
  });
});

describe("the door and after the event (points 4, 5)", () => {
  it("the QR code of the personal link is read by the door's decoder (jsQR) back into the link, and the door finds the invitation by it", async () => {
    const token = newToken();
    const url = `https://partners.example.org/rsvp/${token}`;
    // The QR code as the page draws it, rendered to pixels (8 per module, quiet zone included) and decoded.
    const qr = QRCode.create(url, { errorCorrectionLevel: "M" });
    const scale = 8;
    const margin = 4;
    const size = (qr.modules.size + margin * 2) * scale;
    const pixels = new Uint8ClampedArray(size * size * 4).fill(255);
    for (let y = 0; y < qr.modules.size; y++) {
      for (let x = 0; x < qr.modules.size; x++) {
        if (!qr.modules.get(x, y)) continue;
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) {
            const at = (((y + margin) * scale + dy) * size + (x + margin) * scale + dx) * 4;
            pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
          }
        }
      }
    }
    const decoded = jsQR(pixels, size, size);
    expect(decoded?.data).toBe(url);
    expect(readDoorInput(decoded!.data)).toEqual({ token });
    expect(readDoorInput(token.slice(0, 8).toUpperCase())).toEqual({ code: token.slice(0, 8) });
    expect(readDoorInput("not a code")).toBeNull();
  });

  it("checks in by tap, by scanned link and by typed code; another event's token is not found; walk-ins are registered; attendance becomes participants", async () => {
    const event = freshEvent();
    const other = freshEvent();
    await invite(event.id, { intent: "settings", interpretationLanguages: "Arabic, Ukrainian" });
    const tag = uniqueTag();
    const people = freshPeople(tag, [
      { first: "Ясен", email: `yasen.${tag}@example.org` },
      { first: "Борис", email: `boris.${tag}@example.org` },
      { first: "Ана", email: `ana.${tag}@example.org` },
    ]);
    await invite(event.id, { intent: "invitePeople", peopleQuery: `q=${tag}`, locale: "bg", role: "speaker" });
    await invite(other.id, { intent: "inviteGuest", name: "Чужд", email: `other.${tag}@example.org`, locale: "bg", role: "participant" });
    const rows = invitationRows(event.id);
    const byPerson = (id: number) => rows.find((r) => r.personId === id)!;
    for (const p of people) await rsvp(byPerson(p.id).token, "action", { answer: "yes", interpretation: "Arabic" });

    // Another event's personal link and door code are not found at this door.
    const foreign = invitationRows(other.id)[0]!;
    expect((await door(event.id, { intent: "code", code: `https://crm.example.org/rsvp/${foreign.token}` })).status).toBe(404);
    expect((await door(event.id, { intent: "code", code: foreign.token.slice(0, 8).toUpperCase() })).status).toBe(404);
    expect((await door(event.id, { intent: "checkIn", invitationId: String(foreign.id) })).status).toBe(404);
    expect(invitationRows(other.id)[0]!.checkedInAt).toBeNull();

    expect((await door(event.id, { intent: "checkIn", invitationId: String(byPerson(people[0]!.id).id) })).data.ok).toBe(true);
    expect((await door(event.id, { intent: "code", code: `https://crm.example.org/rsvp/${byPerson(people[1]!.id).token}` })).data.ok).toBe(true);
    const typed = byPerson(people[2]!.id).token.slice(0, 8).toUpperCase();
    expect((await door(event.id, { intent: "code", code: `${typed.slice(0, 4)}-${typed.slice(4)}` })).data.ok).toBe(true);
    // A second tap changes nothing.
    const twice = await door(event.id, { intent: "checkIn", invitationId: String(byPerson(people[0]!.id).id) });
    expect(twice.data.already).toBe(true);
    expect((await door(event.id, { intent: "walkIn", name: "Walk-in Guest", email: "", organizationName: "УНИЦЕФ" })).data.ok).toBe(true);

    const participants = getDb().select().from(eventParticipants).where(eq(eventParticipants.eventId, event.id)).all();
    expect(participants.filter((p) => p.personId != null).map((p) => [p.personId, p.role]).sort()).toEqual(people.map((p) => [p.id, "speaker"]).sort());

    const doorPage = await call(checkInRoute, "loader", { path: `/events/${event.id}/check-in`, params: { id: String(event.id) }, as: "coordinator" });
    expect(doorPage.data.counts).toEqual({ expected: 3, present: 3, walkIns: 1 });

    // The printed list: those present, in Bulgarian alphabetical order (Latin names after Cyrillic).
    const sheet = await call(attendanceRoute, "loader", { path: `/events/${event.id}/attendance`, params: { id: String(event.id) }, as: "coordinator" });
    expect((sheet.data.rows as Array<{ name: string }>).map((r) => r.name)).toEqual([`Ана ${tag}`, `Борис ${tag}`, `Ясен ${tag}`, "Walk-in Guest"]);

    // The funnel and the needs, on the event page and in the reports.
    const eventPage = await call(eventRoute, "loader", { path: `/events/${event.id}`, params: { id: String(event.id) }, as: "manager" });
    expect(eventPage.data.invitationFunnel).toMatchObject({ invited: 3, answered: 3, yes: 3, present: 3, walkIns: 1 });
    expect(eventPage.data.invitationNeeds.interpretation).toEqual([{ language: "Arabic", people: 3 }]);
    const list = await call(invitationsRoute, "loader", { path: `/events/${event.id}/invitations`, params: { id: String(event.id) }, as: "coordinator" });
    expect(list.data.needs.interpretation).toEqual([{ language: "Arabic", people: 3 }]);
    const reports = await call(reportsRoute, "loader", { path: "/reports", as: "manager" });
    const inReport = (reports.data.invitationFunnels as Array<{ id: number; funnel: Record<string, number> }>).find((f) => f.id === event.id);
    expect(inReport?.funnel).toMatchObject({ invited: 3, answered: 3, yes: 3, present: 3 });
  });

  it("exports invitees and attendance as CSV and XLSX for those who may export; refugee contacts are left out", async () => {
    const event = freshEvent();
    const tag = uniqueTag();
    await invite(event.id, { intent: "inviteGuest", name: "Кирил", email: `kiril.${tag}@example.org`, locale: "bg", role: "participant" });
    const refugee = freshContact(["forum_participation"]);
    await invite(event.id, { intent: "inviteRefugee", refugeeContactId: String(refugee.id), locale: "bg" });
    const [kiril] = invitationRows(event.id);
    await door(event.id, { intent: "checkIn", invitationId: String(kiril!.id) });
    const file = (name: string, as: DemoUser) => call(exportRoute, "loader", { path: `/events/${event.id}/invitations/${name}`, params: { id: String(event.id), file: name }, as });
    const csv = await file("invitees.csv", "manager");
    expect(csv.status).toBe(200);
    const text = await csv.response!.text();
    expect(text).toContain("Кирил");
    expect(text).not.toContain(refugee.name);
    const attendance = await (await file("attendance.csv", "admin")).response!.text();
    expect(attendance).toContain("Кирил");
    const xlsx = await file("attendance.xlsx", "manager");
    expect(xlsx.response!.headers.get("Content-Type")).toContain("spreadsheetml");
    expect((await xlsx.response!.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect((await file("invitees.csv", "coordinator")).status).toBe(403);
    expect((await file("nothing.csv", "manager")).status).toBe(404);
  });
});
