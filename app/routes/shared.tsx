import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { CommitmentStatusBadge, PortalTimeline } from "#app/components/PortalTimeline.tsx";
import { enumLabel, withName } from "#app/i18n/i18n.ts";
import { getPortalOverview } from "#app/models/partner-portal.server.ts";

export const meta: MetaFunction = () => [{ title: "BCRM Partners" }];

/** The partner portal: the partner's own organization and what BCRM shares with it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(getPortalOverview(user));
}

export default function Shared() {
  const { organization: o, commitments, followUps } = useLoaderData<typeof loader>();
  const { t, date, locale } = useI18n();
  return (
    <section>
      <div className="page-head">
        <h1>{t("shared.title", { withOrganization: withName(locale, o.name) })}</h1>
        <Link to="/profile">{t("portal.profileLink")}</Link>
      </div>

      <h2>{t("shared.organization")}</h2>
      <dl className="details">
        <div><dt>{t("org.kind")}</dt><dd>{enumLabel(t, "organizationKind", o.kind)}</dd></div>
        <div><dt>{t("org.oblast")}</dt><dd>{enumLabel(t, "oblast", o.oblast)}</dd></div>
        <div><dt>{t("org.municipality")}</dt><dd>{o.municipality ?? t("common.none")}</dd></div>
        <div><dt>{t("org.address")}</dt><dd>{o.address ?? t("common.none")}</dd></div>
        <div><dt>{t("org.email")}</dt><dd>{o.email ?? t("common.none")}</dd></div>
        <div><dt>{t("org.phone")}</dt><dd>{o.phone ?? t("common.none")}</dd></div>
        <div>
          <dt>{t("org.website")}</dt>
          <dd>{o.website ? <a href={o.website} rel="noopener noreferrer nofollow" target="_blank">{o.website}</a> : t("common.none")}</dd>
        </div>
      </dl>

      <h2 id="shared-follow-ups">{t("portal.followUps")}</h2>
      {followUps.length ? (
        <div className="data-table">
          <table aria-labelledby="shared-follow-ups">
            <thead>
              <tr>
                <th scope="col">{t("portal.col.title")}</th>
                <th scope="col">{t("portal.col.due")}</th>
                <th scope="col">{t("portal.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {followUps.map((f) => (
                <tr key={f.id} id={`follow-up-${f.id}`} className={f.overdue ? "overdue" : undefined} data-follow-up-id={f.id}>
                  <td><Link to={`/shared/follow-ups/${f.id}`}>{f.title}</Link></td>
                  <td>
                    {date(f.dueOn)}
                    {f.overdue ? <span className="badge badge-overdue">{t("portal.overdue")}</span> : null}
                  </td>
                  <td>{enumLabel(t, "followUpStatus", f.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="hint">{t("portal.noFollowUps")}</p>
      )}

      <h2 id="shared-commitments">{t("portal.commitments")}</h2>
      <p className="hint">{t("portal.commitmentsIntro")}</p>
      {commitments.length ? (
        <div className="data-table">
          <table aria-labelledby="shared-commitments">
            <thead>
              <tr>
                <th scope="col">{t("portal.col.title")}</th>
                <th scope="col">{t("portal.col.status")}</th>
                <th scope="col">{t("portal.col.due")}</th>
                <th scope="col">{t("portal.col.timeline")}</th>
              </tr>
            </thead>
            <tbody>
              {commitments.map((c) => (
                <tr key={c.id} id={`commitment-${c.id}`} className={c.overdue ? "overdue" : undefined} data-commitment-id={c.id}>
                  <td>
                    <Link to={`/shared/commitments/${c.id}`}>{c.title}</Link>
                    <div className="hint">{c.isLead ? t("portal.role.lead") : t("portal.role.coPledger")}</div>
                  </td>
                  <td><CommitmentStatusBadge status={c.status} verified={c.statusVerified} /></td>
                  <td>
                    {c.dueOn ? date(c.dueOn) : t("common.none")}
                    {c.overdue ? <span className="badge badge-overdue">{t("portal.overdue")}</span> : null}
                  </td>
                  <td>
                    <details>
                      <summary>{t("portal.updatesCount", { count: c.timeline.length })}</summary>
                      <PortalTimeline entries={c.timeline} />
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="hint">{t("portal.noCommitments")}</p>
      )}
    </section>
  );
}
