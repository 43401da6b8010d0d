import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { can, requireCapability, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { ManifestoSubNav, ProposalStatusBadge } from "#app/components/Manifesto.tsx";
import { niemDimensions, organizationKinds } from "#app/domain/enums.ts";
import { manifestoProposalStatuses, parseProposalFilters } from "#app/domain/manifesto.ts";
import { enumLabel } from "#app/i18n/i18n.ts";
import { eventChoices } from "#app/models/link-choices.server.ts";
import { listProposals } from "#app/models/manifesto-proposals.server.ts";
import { listVersions } from "#app/models/manifesto.server.ts";

export const meta: MetaFunction = () => [{ title: "BCRM Partners" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "readManifesto");
  const filters = parseProposalFilters(new URL(request.url).searchParams);
  return json({
    filters,
    proposals: listProposals(user, filters),
    versions: listVersions(user).map((v) => ({ id: v.id, number: v.number })),
    events: eventChoices(),
    canWrite: can(user, "writeManifesto"),
    canExport: can(user, "export"),
  });
}

export default function ManifestoProposals() {
  const { filters, proposals, versions, events, canWrite, canExport } = useLoaderData<typeof loader>();
  const { t, date } = useI18n();
  const location = useLocation();
  const all = t("common.all");
  return (
    <section>
      <div className="page-head">
        <h1>{t("manifesto.proposals.title")}</h1>
        {canWrite ? <Link to="/manifesto/proposals/new" className="button primary">{t("manifesto.proposals.new")}</Link> : null}
      </div>
      <ManifestoSubNav />
      <Form method="get" className="filters" aria-label={t("common.filter")}>
        <label>
          {t("manifesto.version.number")}
          <select name="version" defaultValue={filters.version ?? ""}>
            <option value="">{all}</option>
            {versions.map((v) => <option key={v.id} value={v.id}>{t("manifesto.version.numbered", { number: v.number })}</option>)}
          </select>
        </label>
        <label>
          {t("manifesto.proposal.status")}
          <select name="status" defaultValue={filters.status ?? ""}>
            <option value="">{all}</option>
            {manifestoProposalStatuses.map((s) => <option key={s} value={s}>{enumLabel(t, "manifestoProposalStatus", s)}</option>)}
          </select>
        </label>
        <label>
          {t("org.kind")}
          <select name="kind" defaultValue={filters.kind ?? ""}>
            <option value="">{all}</option>
            {organizationKinds.map((k) => <option key={k} value={k}>{enumLabel(t, "organizationKind", k)}</option>)}
          </select>
        </label>
        <label>
          {t("manifesto.proposal.dimension")}
          <select name="dimension" defaultValue={filters.dimension ?? ""}>
            <option value="">{all}</option>
            {niemDimensions.map((d) => <option key={d} value={d}>{enumLabel(t, "niemDimension", d)}</option>)}
          </select>
        </label>
        <label>
          {t("manifesto.proposal.event")}
          <select name="event" defaultValue={filters.event ?? ""}>
            <option value="">{all}</option>
            {events.map((e) => <option key={e.id} value={e.id}>{e.label}</option>)}
          </select>
        </label>
        <button type="submit">{t("common.filter")}</button>
      </Form>
      {canExport ? (
        <p className="actions">
          <a href={`/manifesto/export/proposals.csv${location.search}`} download>{t("manifesto.export.proposalsCsv")}</a>{" "}
          <a href={`/manifesto/export/proposals.xlsx${location.search}`} download>{t("manifesto.export.proposalsXlsx")}</a>
        </p>
      ) : null}
      <p className="hint">{t("manifesto.proposals.count", { count: proposals.length })}</p>
      {proposals.length ? (
        <div className="data-table">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("manifesto.proposal.madeOn")}</th>
                <th scope="col">{t("manifesto.proposal.proposer")}</th>
                <th scope="col">{t("manifesto.section.title")}</th>
                <th scope="col">{t("manifesto.proposal.dimension")}</th>
                <th scope="col">{t("manifesto.proposal.channel")}</th>
                <th scope="col">{t("manifesto.proposal.status")}</th>
                <th scope="col">{t("manifesto.proposal.answer")}</th>
              </tr>
            </thead>
            <tbody>
              {proposals.map((p) => (
                <tr key={p.id} id={`proposal-${p.id}`} data-proposal-id={p.id}>
                  <td><Link to={`/manifesto/proposals/${p.id}`}>{date(p.madeOn)}</Link></td>
                  <td>
                    {p.organizationName ?? t("manifesto.proposal.refugeeRepresentative", { community: p.communityName ?? t("common.none") })}
                    <div className="hint">{enumLabel(t, "organizationKind", p.organizationKind)}{p.oblast ? ` · ${enumLabel(t, "oblast", p.oblast)}` : ""}</div>
                  </td>
                  <td>
                    <Link to={`/manifesto/proposals/${p.id}`}>
                      {t("manifesto.proposal.section", { number: p.versionNumber })}: {p.sectionPosition}. {p.sectionTitle}
                    </Link>
                  </td>
                  <td>{enumLabel(t, "niemDimension", p.niemDimension)}</td>
                  <td>{p.eventTitle ?? enumLabel(t, "manifestoProposalChannel", p.channel)}</td>
                  <td><ProposalStatusBadge status={p.status} /></td>
                  <td>{p.answeredAt ? date(p.answeredAt) : t("manifesto.proposal.notAnswered")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="hint">{t("manifesto.proposals.empty")}</p>
      )}
    </section>
  );
}
