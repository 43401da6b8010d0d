import { Link } from "@remix-run/react";
import { enumLabel } from "../i18n/i18n.ts";
import { ORG_SECTION_LIMIT } from "../domain/organization-sections.ts";
import { useI18n } from "./i18n.tsx";

export type OrganizationCommitmentRow = { id: number; title: string; status: string; statusVerified: boolean; dueOn: string | null; leadOrganizationId: number };

/** The organization page's commitments (led or co-pledged), with a link to add one it leads. */
export function OrganizationCommitments({ organizationId, rows, canAdd }: { organizationId: number; rows: OrganizationCommitmentRow[]; canAdd: boolean }) {
  const { t, date } = useI18n();
  return (
    <section aria-labelledby="org-commitments-heading" className="record-section">
      <div className="page-head">
        <h2 id="org-commitments-heading">{t("commitments.orgSection.title")}</h2>
        {canAdd ? <Link to={`/commitments/new?organizationId=${organizationId}`}>{t("commitments.orgSection.add")}</Link> : null}
      </div>
      {rows.length ? (
        <ul>
          {rows.slice(0, ORG_SECTION_LIMIT).map((c) => (
            <li key={c.id}>
              <Link to={`/commitments/${c.id}`}>{c.title}</Link> · {enumLabel(t, "commitmentStatus", c.status)}
              {!c.statusVerified ? <span className="badge">{t("commitments.selfReported")}</span> : null}
              {c.leadOrganizationId !== organizationId ? <span className="badge">{t("commitments.orgSection.coPledger")}</span> : null}
              {c.dueOn ? ` · ${date(c.dueOn)}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("commitments.orgSection.empty")}</p>
      )}
      {rows.length > ORG_SECTION_LIMIT ? (
        <p>
          <Link to={`/commitments?organization=${organizationId}`}>{t("commitments.orgSection.all", { count: ORG_SECTION_LIMIT })}</Link>
        </p>
      ) : null}
    </section>
  );
}
