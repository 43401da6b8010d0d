import { Link } from "@remix-run/react";
import { enumLabel } from "../i18n/i18n.ts";
import { useI18n } from "./i18n.tsx";

export type OrganizationEvent = { id: number; title: string; kind: string; startsOn: string; role: string };

/**
 * The events an organization took part in, with its role. "Add" creates a new event with this
 * organization already among its participants; for an existing event, add it on the event's page.
 */
export function OrganizationEventsSection({ organizationId, events, canEdit }: { organizationId: number; events: OrganizationEvent[]; canEdit: boolean }) {
  const { t, date } = useI18n();
  return (
    <section aria-labelledby="org-events-heading" className="record-section">
      <div className="section-head">
        <h2 id="org-events-heading">{t("events.orgSection.title")}</h2>
        {canEdit ? <Link to={`/events/new?organizationId=${organizationId}`} className="button">{t("events.orgSection.add")}</Link> : null}
      </div>
      {events.length === 0 ? (
        <p className="empty">{t("events.orgSection.empty")}</p>
      ) : (
        <ul className="record-list">
          {events.map((e) => (
            <li key={`${e.id}-${e.role}`}>
              <time dateTime={e.startsOn}>{date(e.startsOn)}</time> · <Link to={`/events/${e.id}`}>{e.title}</Link> ·{" "}
              {enumLabel(t, "participantRole", e.role)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
