// The staff sections of an organization's page that come from people, interactions and events.
import { can, type CurrentUser } from "../auth/access.server.ts";
import { eventsOfOrganization } from "./events.server.ts";
import { interactionTimeline } from "./interactions.server.ts";
import { peopleOfOrganization } from "./people.server.ts";
import { ORG_SECTION_LIMIT } from "../domain/organization-sections.ts";

/**
 * Staff only (`readRecords`): for anyone else null — a partner's view of their organization is the card alone.
 * People and interactions: at most ORG_SECTION_LIMIT + 1 each (the page shows the limit and says there are more).
 */
export function organizationContactSections(user: CurrentUser, organizationId: number) {
  if (!can(user, "readRecords")) return null;
  return {
    people: peopleOfOrganization(user, organizationId),
    interactions: interactionTimeline({ organizationId }, ORG_SECTION_LIMIT + 1),
    events: eventsOfOrganization(organizationId),
  };
}
