// What the follow-up form's select boxes offer (shared by the new and edit routes).
import type { Locale } from "../domain/enums.ts";
import { ASSIGNEE_ROLES, eventChoices, partnershipChoices, pickerChoices, userChoices } from "./link-choices.server.ts";

type Linked = { organizationId?: number | null; sharedWithOrganizationId?: number | null; personId?: number | null; commitmentId?: number | null };

/** Organizations, people and commitments: the first ones plus those the follow-up already links (the picker searches the rest). */
export function followUpFormChoices(linked: Linked = {}, locale?: Locale) {
  return {
    assignees: userChoices(ASSIGNEE_ROLES),
    organizations: pickerChoices("organizations", [linked.organizationId, linked.sharedWithOrganizationId]),
    people: pickerChoices("people", [linked.personId]),
    partnerships: partnershipChoices(),
    commitments: pickerChoices("commitments", [linked.commitmentId]),
    events: eventChoices(locale),
  };
}
