import { Link } from "@remix-run/react";
import { ORG_SECTION_LIMIT } from "../domain/organization-sections.ts";
import { useI18n } from "./i18n.tsx";

export type OrganizationPerson = { id: number; name: string; position: string | null; email: string | null; phone: string | null; archived: boolean };

/** The people of an organization on its page, with a link to add one at this organization. */
export function OrganizationPeopleSection({ organizationId, people, canEdit }: { organizationId: number; people: OrganizationPerson[]; canEdit: boolean }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="org-people-heading" className="record-section">
      <div className="section-head">
        <h2 id="org-people-heading">{t("people.orgSection.title")}</h2>
        {canEdit ? <Link to={`/people/new?organizationId=${organizationId}`} className="button">{t("people.orgSection.add")}</Link> : null}
      </div>
      {people.length === 0 ? (
        <p className="empty">{t("people.orgSection.empty")}</p>
      ) : (
        <ul className="record-list">
          {people.slice(0, ORG_SECTION_LIMIT).map((p) => (
            <li key={p.id}>
              <Link to={`/people/${p.id}`}>{p.name}</Link>
              {p.position ? <> · {p.position}</> : null}
              {p.email ? <> · <a href={`mailto:${p.email}`}>{p.email}</a></> : null}
              {p.phone ? <> · {p.phone}</> : null}
              {p.archived ? <span className="badge">{t("people.archived")}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {people.length > ORG_SECTION_LIMIT ? (
        <p>
          <Link to={`/people?organization=${organizationId}`}>{t("people.orgSection.all", { count: ORG_SECTION_LIMIT })}</Link>
        </p>
      ) : null}
    </section>
  );
}
