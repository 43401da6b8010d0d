import { z } from "zod";
import { eventKinds, oblasts, participantRoles } from "./enums.ts";
import { idParam, requiredDate, optionalDate, optionalEnum, optionalId, optionalText, requiredEnum, requiredText } from "./fields.ts";

/** The event form: used by the create/edit actions and the tests. An event cannot end before it starts. */
export const eventInput = z
  .object({
    title: requiredText(300),
    kind: requiredEnum(eventKinds),
    series: optionalText(200),
    startsOn: requiredDate,
    endsOn: optionalDate,
    place: optionalText(300),
    oblast: optionalEnum(oblasts),
    description: optionalText(5000),
  })
  .superRefine((e, ctx) => {
    if (e.endsOn && e.endsOn < e.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "endsBeforeStart" });
  });
export type EventInput = z.infer<typeof eventInput>;

/** Adding an organization or a person to an event's participants (two small forms on the event page). */
export const organizationParticipantInput = z
  .object({ organizationId: idParam, organizationRole: requiredEnum(participantRoles) })
  .transform((v) => ({ kind: "organization" as const, organizationId: v.organizationId, role: v.organizationRole }));
export const personParticipantInput = z
  .object({ personId: idParam, personRole: requiredEnum(participantRoles) })
  .transform((v) => ({ kind: "person" as const, personId: v.personId, role: v.personRole }));
export type ParticipantInput = z.output<typeof organizationParticipantInput> | z.output<typeof personParticipantInput>;

/** What the events list may be sorted and filtered by (URL parameters). */
export const eventListSpec = {
  sortable: ["date", "title"] as const,
  defaultSort: "date" as const,
  defaultDir: "desc" as const,
  filters: {
    kind: z.enum(eventKinds),
    year: z.string().regex(/^(19|20)\d{2}$/),
  },
};

/** The organization an event created from an organization's page starts with, and its role. */
export const firstParticipantInput = z.object({
  participantOrganizationId: optionalId,
  participantRole: z.preprocess((v) => (v === "" || v === undefined ? "participant" : v), requiredEnum(participantRoles)),
});
