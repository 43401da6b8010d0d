import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { can, requireCapability, requireUser } from "#app/auth/access.server.ts";
import { BarChart } from "#app/components/BarChart.tsx";
import { DateField } from "#app/components/Field.tsx";
import chartStyles from "#app/components/charts.css?url";
import { useI18n } from "#app/components/i18n.tsx";
import { ReportTableView } from "#app/components/ReportTable.tsx";
import { reportBases, reportTables } from "#app/domain/report.ts";
import { enumLabel } from "#app/i18n/i18n.ts";
import { buildReport, forumEditions, parseReportFilters } from "#app/models/reports.server.ts";
import type { FunnelData } from "#app/components/InvitationFunnel.tsx";
import { funnelsByEvent } from "#app/models/invitations.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: chartStyles }];
export const meta: MetaFunction = () => [{ title: "BCRM Partners" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "readReports");
  const url = new URL(request.url);
  const { filters, errors } = parseReportFilters(url);
  return json({
    filters,
    invalidFilters: Object.keys(errors),
    filterErrors: errors,
    // A date filter is shown as typed (29.02.2024 stays 29.02.2024; 31.02.2022 stays, with its error).
    typedDates: { from: url.searchParams.get("from") ?? "", to: url.searchParams.get("to") ?? "" },
    forums: forumEditions(),
    report: buildReport(user, filters),
    canExport: can(user, "export"),
    query: url.search,
    // Issue 21: invited → answered → yes → present, per event that sent invitations.
    invitationFunnels: funnelsByEvent(),
  });
}


export default function Reports() {
  const { filters, invalidFilters, filterErrors, typedDates, forums, report, canExport, query, invitationFunnels } = useLoaderData<typeof loader>();
  const { t, date } = useI18n();
  const tables = reportTables(report, t, filters);
  const notes: Record<string, string> = { partnerships: t("reports.partnershipsNote"), refugees: t("reports.refugeesNote") };
  return (
    <section>
      <div className="page-head">
        <h1>{t("reports.title")}</h1>
        {canExport ? (
          <div className="export-links">
            <Link reloadDocument to={`/reports/export.csv${query}`} className="button">
              {t("reports.exportCsv")}
            </Link>
            <Link reloadDocument to={`/reports/export.xlsx${query}`} className="button">
              {t("reports.exportXlsx")}
            </Link>
          </div>
        ) : null}
      </div>
      <Form method="get" className="filters">
        <label>
          {t("reports.filter.event")}
          <select name="event" defaultValue={filters.event ?? ""}>
            <option value="">{t("reports.filter.allEvents")}</option>
            {forums.map((f) => (
              <option key={f.id} value={f.id}>
                {f.title} ({date(f.startsOn)})
              </option>
            ))}
          </select>
        </label>
        <DateField name="from" label="reports.filter.from" values={typedDates} errors={filterErrors} />
        <DateField name="to" label="reports.filter.to" values={typedDates} errors={filterErrors} />
        <label>
          {t("reports.filter.basis")}
          <select name="basis" defaultValue={filters.basis}>
            {reportBases.map((b) => (
              <option key={b} value={b}>
                {t(`reports.filter.basis.${b}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary">
          {t("reports.filter.apply")}
        </button>
      </Form>
      {invalidFilters.length ? (
        <p role="alert" className="form-error">
          {t("reports.filter.invalid")}
        </p>
      ) : null}
      <p className="report-note rate-definition">{t("reports.rateDefinition")}</p>
      <p className="report-note">{t("reports.rateStatusNote")}</p>
      <section className="report-glossary" aria-labelledby="report-glossary">
        <h2 id="report-glossary">{t("reports.glossary")}</h2>
        <dl>
          {(["made", "open", "overdue", "unverified"] as const).map((k) => (
            <div key={k}>
              <dt>{t(`reports.col.${k}`)}</dt>
              <dd>{t(`reports.define.${k}`)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <p className="report-note export-links">{t("reports.print")}</p>
      {tables.map((table) => (
        <section key={table.id} aria-labelledby={`heading-${table.id}`}>
          <h2 id={`heading-${table.id}`}>{table.title}</h2>
          {notes[table.id] ? <p className="report-note">{notes[table.id]}</p> : null}
          {table.id === "area" ? (
            <BarChart
              id="chart-rate-area"
              title={t("reports.rateChart")}
              valueLabel={t("reports.col.rate")}
              items={report.byArea.map((b, i) => ({ key: b.key, label: enumLabel(t, "niemArea", b.key), value: b.rate ?? 0, href: table.links?.[i]?.[1] ?? undefined }))}
            />
          ) : null}
          <ReportTableView table={table} />
        </section>
      ))}
      <InvitationFunnelTable rows={invitationFunnels} />
    </section>
  );
}

function InvitationFunnelTable({ rows }: { rows: Array<{ id: number; title: string; startsOn: string; funnel: FunnelData }> }) {
  const { t, date, number } = useI18n();
  return (
    <section aria-labelledby="heading-invitations">
      <h2 id="heading-invitations">{t("invitations.funnel.title")}</h2>
      {rows.length ? (
        <table className="report-table" id="report-invitations">
          <thead>
            <tr>
              <th scope="col">{t("invitations.funnel.event")}</th>
              <th scope="col">{t("invitations.funnel.invited")}</th>
              <th scope="col">{t("invitations.funnel.answered")}</th>
              <th scope="col">{t("invitations.funnel.yes")}</th>
              <th scope="col">{t("invitations.funnel.present")}</th>
              <th scope="col">{t("invitations.door.walkIns")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/events/${r.id}`}>{r.title}</Link> ({date(r.startsOn)})
                </th>
                <td>{number(r.funnel.invited)}</td>
                <td>{number(r.funnel.answered)}</td>
                <td>{number(r.funnel.yes)}</td>
                <td>{number(r.funnel.present)}</td>
                <td>{number(r.funnel.walkIns)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="empty">{t("invitations.funnel.none")}</p>
      )}
    </section>
  );
}
