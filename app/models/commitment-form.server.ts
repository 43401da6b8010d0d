// What the commitment form's select boxes offer (shared by the new and edit routes).
import type { Locale } from "../domain/enums.ts";
import { eventChoices, OWNER_ROLES, partnershipChoices, pickerChoices, userChoices } from "./link-choices.server.ts";

/** `selectedOrganizations`: the lead and co-pledgers already chosen, offered even when not among the first ones. */
export function commitmentFormChoices(selectedOrganizations: Array<number | null | undefined> = [], locale?: Locale) {
  return {
    organizations: pickerChoices("organizations", selectedOrganizations),
    events: eventChoices(locale),
    partnerships: partnershipChoices(),
    owners: userChoices(OWNER_ROLES),
  };
}
