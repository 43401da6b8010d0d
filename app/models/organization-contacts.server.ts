// The staff sections of an organization's page that come from people, interactions and events.
import { eventsOfOrganization } from "./events.server.ts";
import { interactionTimeline } from "./interactions.server.ts";
import { peopleOfOrganization } from "./people.server.ts";
import { ORG_SECTION_LIMIT } from "../domain/organization-sections.ts";

/**
 * Call only for staff (`readRecords`): a partner's view of their organization is the card alone.
 * People and interactions: at most ORG_SECTION_LIMIT + 1 each (the page shows the limit and says there are more).
 */
export function organizationContactSections(organizationId: number) {
  return {
    people: peopleOfOrganization(organizationId),
    interactions: interactionTimeline({ organizationId }, ORG_SECTION_LIMIT + 1),
    events: eventsOfOrganization(organizationId),
  };
}
