import { z } from "zod";
import { partnershipKinds, partnershipMemberRoles, partnershipStatuses } from "./enums.ts";
import { idParam, optionalDate, optionalId, optionalText, requiredEnum, requiredText } from "./fields.ts";

/** A required id picked from a select box: empty is "required", anything else must be a positive integer. */
export const requiredId = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .transform(Number)
  .pipe(z.number({ error: "invalid" }).int({ error: "invalid" }).positive({ error: "invalid" }).max(Number.MAX_SAFE_INTEGER, { error: "invalid" }));

/** The partnership form: used by the create/edit actions and the tests. */
export const partnershipInput = z
  .object({
    title: requiredText(300),
    kind: requiredEnum(partnershipKinds),
    project: optionalText(300),
    status: requiredEnum(partnershipStatuses),
    startsOn: optionalDate,
    endsOn: optionalDate,
    ownerId: optionalId,
    description: optionalText(5000),
  })
  .superRefine((p, ctx) => {
    // Cross-field rule: a partnership cannot end before it starts (the error sits on the end date).
    if (p.startsOn && p.endsOn && p.endsOn < p.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "endBeforeStart" });
  });
export type PartnershipInput = z.infer<typeof partnershipInput>;

/** Adding a member organization from the partnership page. */
export const partnershipMemberInput = z.object({
  organizationId: requiredId,
  role: requiredEnum(partnershipMemberRoles),
});
export type PartnershipMemberInput = z.infer<typeof partnershipMemberInput>;

/** What the partnerships list may be sorted and filtered by (URL parameters). */
export const partnershipListSpec = {
  sortable: ["title", "status", "start", "updated"] as const,
  defaultSort: "title" as const,
  filters: {
    status: z.enum(partnershipStatuses),
    kind: z.enum(partnershipKinds),
    owner: idParam,
    organization: idParam,
    /** The project or programme, as written on the partnerships (issue 17: «active NIEM partnerships»). */
    project: z.string().trim().min(1).max(300),
  },
};
