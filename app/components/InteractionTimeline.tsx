import { Link } from "@remix-run/react";
import { enumLabel } from "../i18n/i18n.ts";
import { ORG_SECTION_LIMIT } from "../domain/organization-sections.ts";
import { useI18n } from "./i18n.tsx";

export type TimelineItem = {
  id: number;
  kind: string;
  occurredOn: string;
  subject: string;
  body: string | null;
  participants: string | null;
  organizationId: number | null;
  organizationName: string | null;
  personId: number | null;
  personName: string | null;
  createdByName: string | null;
};

/**
 * The interactions with an organization or a person, newest first, with a link that logs a
 * new one pre-filled with the record whose page this is.
 */
export function InteractionTimeline({
  items,
  addHref,
  canEdit,
  context,
}: {
  items: TimelineItem[];
  addHref: string;
  canEdit: boolean;
  /** Whose page this is: the other side of each interaction is named, this one is not. */
  context: "organization" | "person";
}) {
  const { t, date } = useI18n();
  // An organization's page gets ORG_SECTION_LIMIT + 1 entries from the loader: the extra one only says there are more.
  const limit = context === "organization" ? ORG_SECTION_LIMIT : items.length;
  return (
    <section aria-labelledby="interactions-heading" className="record-section">
      <div className="section-head">
        <h2 id="interactions-heading">{t("interactions.title")}</h2>
        {canEdit ? <Link to={addHref} className="button">{t("interactions.add")}</Link> : null}
      </div>
      {items.length === 0 ? (
        <p className="empty">{t("interactions.empty")}</p>
      ) : (
        <ol className="timeline">
          {items.slice(0, limit).map((i) => (
            <li key={i.id}>
              <p className="timeline-head">
                <time dateTime={i.occurredOn}>{date(i.occurredOn)}</time> · <span className="badge">{enumLabel(t, "interactionKind", i.kind)}</span>{" "}
                <strong>{i.subject}</strong>
                {context === "organization" && i.personId && i.personName ? (
                  <> · <Link to={`/people/${i.personId}`}>{t("interactions.with", { name: i.personName })}</Link></>
                ) : null}
                {context === "person" && i.organizationId && i.organizationName ? (
                  <> · <Link to={`/organizations/${i.organizationId}`}>{i.organizationName}</Link></>
                ) : null}
                {canEdit ? (
                  <> · <Link to={`/interactions/${i.id}/edit?from=${context}`}>{t("common.edit")}</Link></>
                ) : null}
              </p>
              {i.body ? <p className="prewrap">{i.body}</p> : null}
              <p className="meta">
                {i.participants ? <>{t("interactions.participants")}: {i.participants} · </> : null}
                {i.createdByName ? t("interactions.by", { name: i.createdByName }) : null}
              </p>
            </li>
          ))}
        </ol>
      )}
      {items.length > limit ? <p className="hint">{t("interactions.latestOnly", { count: limit })}</p> : null}
    </section>
  );
}
