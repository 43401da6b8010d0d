// Event invitations (issue 21): what the forms accept. The rules that need the database live in
// app/models/invitations.server.ts.
import { z } from "zod";
import { locales, participantRoles } from "./enums.ts";
import { checkbox, idParam, optionalDate, optionalEmail, optionalText, requiredEnum, requiredText } from "./fields.ts";

export const rsvpAnswers = ["yes", "no", "maybe"] as const;
export type RsvpAnswer = (typeof rsvpAnswers)[number];

/** Up to this many people on one invitation (the invitee and those they bring). */
export const MAX_ATTENDEES = 20;

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalCount = (max: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(1, { error: "invalid" }).max(max, { error: "invalid" }).optional().transform((v) => v ?? null),
  );

/** A comma- or line-separated list of short names, trimmed, without repeats. */
export function splitList(text: string | null | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of (text ?? "").split(/[,\n]/)) {
    const item = part.trim().slice(0, 60);
    if (item && !seen.has(item.toLowerCase())) {
      seen.add(item.toLowerCase());
      out.push(item);
    }
  }
  return out;
}

export const invitationSettingsInput = z.object({
  capacity: optionalCount(100_000),
  waitingList: checkbox,
  answerDeadline: optionalDate,
  interpretationLanguages: optionalText(1000).transform((v) => splitList(v).join(",")),
  subjectBg: optionalText(200).transform((v) => v ?? ""),
  bodyBg: optionalText(5000).transform((v) => v ?? ""),
  subjectEn: optionalText(200).transform((v) => v ?? ""),
  bodyEn: optionalText(5000).transform((v) => v ?? ""),
});
export type InvitationSettingsInput = z.output<typeof invitationSettingsInput>;

const bulkCommon = {
  locale: requiredEnum(locales),
  role: requiredEnum(participantRoles),
};

/** People of a /people list, by the list's own URL query (a saved view is the same query, stored). */
export const invitePeopleInput = z.object({
  peopleQuery: z
    .string({ error: "required" })
    .trim()
    .max(2000, { error: "tooLong:2000" })
    // A pasted address works as well as its query: keep what follows the "?".
    .transform((v) => (v.includes("?") ? v.slice(v.indexOf("?") + 1) : v)),
  ...bulkCommon,
});

export const inviteOrganizationInput = z.object({ organizationId: idParam, ...bulkCommon });
export const invitePersonInput = z.object({ personId: idParam, ...bulkCommon });
export const inviteGuestInput = z.object({
  name: requiredText(200),
  email: optionalEmail.refine((v) => v !== null, { error: "required" }),
  organizationName: optionalText(200),
  ...bulkCommon,
});
export const inviteRefugeeInput = z.object({ refugeeContactId: idParam, locale: requiredEnum(locales) });

export const walkInInput = z.object({
  name: requiredText(200),
  email: optionalEmail,
  organizationName: optionalText(200),
});

/** The invitee's answer on /rsvp/:token. */
export const rsvpInput = z.object({
  answer: requiredEnum(rsvpAnswers),
  attendees: optionalCount(MAX_ATTENDEES).transform((v) => v ?? 1),
  interpretation: z
    .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(60)).max(20))
    .transform((list) => list.map((s) => s.trim()).filter(Boolean)),
  accessibility: optionalText(1000),
  note: optionalText(2000),
});
export type RsvpInput = z.output<typeof rsvpInput>;

/** The personal link's secret: 32 random bytes as 64 hex digits (256 bits). */
export const TOKEN_PATTERN = /^[0-9a-f]{64}$/;

/** The short code printed under the QR code, typed at the door when the camera cannot read it. */
export function doorCodeOf(token: string): string {
  return token.slice(0, 8).toUpperCase();
}

/** A door code or anything holding a personal link (a scanned QR code): the token or the code to look for. */
export function readDoorInput(text: string): { token: string } | { code: string } | null {
  const trimmed = text.trim();
  const link = /\/rsvp\/([0-9a-f]{64})\b/i.exec(trimmed) ?? /^([0-9a-f]{64})$/i.exec(trimmed);
  if (link) return { token: link[1]!.toLowerCase() };
  const code = trimmed.replace(/[\s-]/g, "");
  return /^[0-9a-f]{8}$/i.test(code) ? { code: code.toLowerCase() } : null;
}
