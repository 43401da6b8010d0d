// The staff sections of an organization's page that come from people, interactions and events.
import { eventsOfOrganization } from "./events.server.ts";
import { interactionTimeline } from "./interactions.server.ts";
import { peopleOfOrganization } from "./people.server.ts";

/** Call only for staff (`readRecords`): a partner's view of their organization is the card alone. */
export function organizationContactSections(organizationId: number) {
  return {
    people: peopleOfOrganization(organizationId),
    interactions: interactionTimeline({ organizationId }),
    events: eventsOfOrganization(organizationId),
  };
}
