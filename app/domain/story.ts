// Integration stories (issue 19): the form, the list's URL state, and the publication states with
// the moves between them — one table, read top to bottom, applied by app/models/stories.server.ts.
import { z } from "zod";
import { storyStates, type StoryState } from "./enums.ts";
import { idParam, optionalId, requiredText } from "./fields.ts";

/**
 * The allowed moves of a story's publication state. Content (text, people, organizations, files)
 * changes only in draft: what the people in a story approved is what gets published.
 *
 *   draft     → approved   the people it is about approved the text (each needs a current consent)
 *   draft     → withdrawn  dropped before publication
 *   approved  → published  shown in the year in review (consents checked again)
 *   approved  → draft      back to editing (the approval no longer holds)
 *   approved  → withdrawn
 *   published → withdrawn  by hand, or at once when a person in it withdraws consent / is erased
 *   withdrawn → draft      reopened for a new approval
 */
export const storyTransitions: Record<StoryState, readonly StoryState[]> = {
  draft: ["approved", "withdrawn"],
  approved: ["published", "draft", "withdrawn"],
  published: ["withdrawn"],
  withdrawn: ["draft"],
};

/** Moving into these states needs every person in the story to have a current «story publication» consent. */
export const statesNeedingConsent: readonly StoryState[] = ["approved", "published"];

export function canMoveStory(from: StoryState, to: StoryState): boolean {
  return storyTransitions[from].includes(to);
}

/** Whether the story's content may be edited in this state. */
export function storyEditable(state: StoryState): boolean {
  return state === "draft";
}

/** Several ids from a multi-select (one value arrives as a string, several as an array). */
const idList = z
  .preprocess(
    (v) => (v === undefined || v === null || v === "" ? [] : [v].flat().filter((x) => x !== "")),
    z.array(idParam, { error: "invalid" }).max(50, { error: "invalid" }),
  )
  .transform((ids) => [...new Set(ids)]);

export const storyInput = z.object({
  title: requiredText(300),
  summary: requiredText(1000),
  body: requiredText(20000),
  eventId: optionalId,
  ownerId: optionalId,
  refugeeContactIds: idList,
  organizationIds: idList,
});
export type StoryInput = z.infer<typeof storyInput>;

export const storyStateInput = z.object({ state: z.enum(storyStates, { error: "invalidChoice" }) });

/**
 * Why a person may not be named in a story (their «story publication» consent): never given for
 * that purpose, withdrawn, expired, not yet valid, or the contact was erased.
 */
export const storyConsentProblems = ["none", "withdrawn", "expired", "notYetValid", "erased"] as const;
export type StoryConsentProblem = (typeof storyConsentProblems)[number];

export const storyListSpec = {
  sortable: ["title", "updated", "state"] as const,
  defaultSort: "updated" as const,
  defaultDir: "desc" as const,
  filters: {
    state: z.enum(storyStates),
    event: idParam,
  },
};
