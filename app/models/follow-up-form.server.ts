// What the follow-up form's select boxes offer (shared by the new and edit routes).
import {
  allOrganizationChoices,
  ASSIGNEE_ROLES,
  commitmentChoices,
  eventChoices,
  partnershipChoices,
  personChoices,
  userChoices,
} from "./link-choices.server.ts";

export function followUpFormChoices() {
  return {
    assignees: userChoices(ASSIGNEE_ROLES),
    organizations: allOrganizationChoices(),
    people: personChoices(),
    partnerships: partnershipChoices(),
    commitments: commitmentChoices(),
    events: eventChoices(),
  };
}
