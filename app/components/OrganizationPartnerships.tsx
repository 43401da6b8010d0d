import { Link } from "@remix-run/react";
import { enumLabel } from "../i18n/i18n.ts";
import { useI18n } from "./i18n.tsx";

export type OrganizationPartnershipRow = { id: number; title: string; status: string; role: string; startsOn: string | null; endsOn: string | null };

/** The organization page's partnerships (as a member), with a link to start a new one. */
export function OrganizationPartnerships({ organizationId, rows, canAdd }: { organizationId: number; rows: OrganizationPartnershipRow[]; canAdd: boolean }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="org-partnerships-heading" className="record-section">
      <div className="page-head">
        <h2 id="org-partnerships-heading">{t("partnerships.orgSection.title")}</h2>
        {canAdd ? <Link to={`/partnerships/new?organizationId=${organizationId}`}>{t("partnerships.orgSection.add")}</Link> : null}
      </div>
      {rows.length ? (
        <ul>
          {rows.map((p) => (
            <li key={p.id}>
              <Link to={`/partnerships/${p.id}`}>{p.title}</Link> · {enumLabel(t, "partnershipStatus", p.status)} ·{" "}
              {t("partnerships.orgSection.role", { role: enumLabel(t, "partnershipMemberRole", p.role) })}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("partnerships.orgSection.empty")}</p>
      )}
    </section>
  );
}
