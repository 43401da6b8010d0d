import { z } from "zod";
import { followUpStatuses } from "./enums.ts";
import { requiredId } from "./partnership.ts";
import { idParam, requiredDate, optionalId, optionalText, requiredEnum, requiredText, versionField } from "./fields.ts";

/** The follow-up (action item) form: used by the create/edit actions and the tests. */
export const followUpInput = z.object({
  title: requiredText(300),
  notes: optionalText(5000),
  dueOn: requiredDate,
  assigneeId: optionalId,
  organizationId: optionalId,
  personId: optionalId,
  partnershipId: optionalId,
  commitmentId: optionalId,
  eventId: optionalId,
  status: requiredEnum(followUpStatuses),
  sharedWithOrganizationId: optionalId,
});
export type FollowUpInput = z.infer<typeof followUpInput>;

/** The links a new follow-up may be pre-filled with from the URL (`?organizationId=…`). */
export const followUpPrefillKeys = ["organizationId", "personId", "partnershipId", "commitmentId", "eventId"] as const;

export const followUpViews = ["all", "mine", "overdue", "week"] as const;
export type FollowUpView = (typeof followUpViews)[number];

export const followUpListSpec = {
  sortable: ["due", "title", "status"] as const,
  defaultSort: "due" as const,
  filters: {
    view: z.enum(followUpViews),
    status: z.enum(followUpStatuses),
    assignee: idParam,
    organization: idParam,
    shared: z.enum(["yes", "no"]),
    /** Open and past due, or open and due within DUE_SOON_DAYS: the start page's two counts, with view=mine. */
    due: z.enum(["overdue", "soon"]),
  },
};

/** "Due soon" = due today or within the next 7 days; earlier is overdue (start page, list filter, digests). */
export const DUE_SOON_DAYS = 7;

/** A note its assignee adds to a follow-up (appended to its notes). */
export const followUpNoteInput = z.object({ version: versionField, note: requiredText(4000) });

/** Marking one follow-up done from the list. */
export const markDoneInput = z.object({ id: idParam, version: versionField });

/** The bulk form under the list: reassign the selected follow-ups, or close them. */
export const bulkFollowUpInput = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("bulkReassign"), ids: z.preprocess((v) => [v ?? []].flat(), z.array(idParam).min(1, { error: "noneSelected" }).max(500)), assigneeId: requiredId }),
  z.object({ intent: z.literal("bulkClose"), ids: z.preprocess((v) => [v ?? []].flat(), z.array(idParam).min(1, { error: "noneSelected" }).max(500)), closeAs: z.enum(["done", "cancelled"], { error: "invalidChoice" }) }),
]);
export type BulkFollowUpInput = z.infer<typeof bulkFollowUpInput>;
