// What the commitment form's select boxes offer (shared by the new and edit routes).
import { allOrganizationChoices, eventChoices, OWNER_ROLES, partnershipChoices, userChoices } from "./link-choices.server.ts";

export function commitmentFormChoices() {
  return { organizations: allOrganizationChoices(), events: eventChoices(), partnerships: partnershipChoices(), owners: userChoices(OWNER_ROLES) };
}
