import { Link } from "@remix-run/react";
import { enumLabel } from "../i18n/i18n.ts";
import { ORG_SECTION_LIMIT } from "../domain/organization-sections.ts";
import { useI18n } from "./i18n.tsx";

export type OrganizationFollowUpRow = { id: number; title: string; dueOn: string; status: string; assigneeName: string | null };

/** The organization page's follow-ups (linked to it or shared with it), open ones first. */
export function OrganizationFollowUps({ organizationId, rows, canAdd }: { organizationId: number; rows: OrganizationFollowUpRow[]; canAdd: boolean }) {
  const { t, date } = useI18n();
  return (
    <section aria-labelledby="org-followups-heading" className="record-section">
      <div className="page-head">
        <h2 id="org-followups-heading">{t("followUps.orgSection.title")}</h2>
        {canAdd ? <Link to={`/follow-ups/new?organizationId=${organizationId}`}>{t("followUps.orgSection.add")}</Link> : null}
      </div>
      {rows.length ? (
        <ul>
          {rows.slice(0, ORG_SECTION_LIMIT).map((f) => (
            <li key={f.id}>
              <Link to={`/follow-ups/${f.id}`}>{f.title}</Link> · {date(f.dueOn)} · {enumLabel(t, "followUpStatus", f.status)}
              {f.assigneeName ? ` · ${f.assigneeName}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("followUps.orgSection.empty")}</p>
      )}
      {rows.length > ORG_SECTION_LIMIT ? (
        <p>
          <Link to={`/follow-ups?organization=${organizationId}`}>{t("followUps.orgSection.all", { count: ORG_SECTION_LIMIT })}</Link>
        </p>
      ) : null}
    </section>
  );
}
