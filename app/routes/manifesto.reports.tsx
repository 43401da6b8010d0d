import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { can, requireCapability, requireUser } from "#app/auth/access.server.ts";
import { BarChart } from "#app/components/BarChart.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { ManifestoSubNav } from "#app/components/Manifesto.tsx";
import { parseProposalFilters } from "#app/domain/manifesto.ts";
import { enumLabel, makeTranslate } from "#app/i18n/i18n.ts";
import { buildManifestoReport, manifestoReportTables } from "#app/models/manifesto-reports.server.ts";

export const meta: MetaFunction = () => [{ title: "BCRM Partners" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "readManifesto");
  const search = new URL(request.url).searchParams;
  const report = buildManifestoReport(user, parseProposalFilters(search));
  return json({
    report,
    tables: manifestoReportTables(report, makeTranslate(user.locale)),
    query: search.toString(),
    canExport: can(user, "export"),
  });
}

export default function ManifestoReports() {
  const { report, tables, query, canExport } = useLoaderData<typeof loader>();
  const { t, number } = useI18n();
  const p = report.proposals;
  const percent = p.total ? Math.round((p.answered / p.total) * 1000) / 10 : 0;
  const suffix = query ? `?${query}` : "";
  return (
    <section>
      <h1>{t("manifesto.report.title")}</h1>
      <ManifestoSubNav />
      <p className="stats-line" data-testid="answered-share">
        {t("manifesto.report.share", { answered: p.answered, total: p.total, percent: number(percent) })}
      </p>
      {canExport ? (
        <p className="actions">
          <a href={`/manifesto/export/report.csv${suffix}`} download>{t("manifesto.export.reportCsv")}</a>{" "}
          <a href={`/manifesto/export/report.xlsx${suffix}`} download>{t("manifesto.export.reportXlsx")}</a>{" "}
          <a href={`/manifesto/export/proposals.xlsx${suffix}`} download>{t("manifesto.export.proposalsXlsx")}</a>{" "}
          <a href="/manifesto/export/endorsers.xlsx" download>{t("manifesto.export.endorsersXlsx")}</a>
        </p>
      ) : null}
      <div className="charts">
        <BarChart
          id="chart-kind"
          title={t("manifesto.report.byKind")}
          valueLabel={t("manifesto.report.proposals")}
          items={p.byKind.map((r) => ({ key: r.key, label: enumLabel(t, "organizationKind", r.key), value: r.total }))}
        />
        <BarChart
          id="chart-dimension"
          title={t("manifesto.report.byDimension")}
          valueLabel={t("manifesto.report.proposals")}
          items={p.byDimension.map((r) => ({ key: r.key, label: enumLabel(t, "niemDimension", r.key), value: r.total }))}
        />
      </div>
      {tables.map((table) => (
        <div key={table.id} className="data-table" id={table.id}>
          <table>
            <caption>{table.title}</caption>
            <thead>
              <tr>
                {table.columns.map((c, i) => (
                  <th key={i} scope="col">{c.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (c === 0 ? <th key={c} scope="row">{cell}</th> : <td key={c}>{typeof cell === "number" ? number(cell) : cell}</td>))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <p><Link to="/manifesto/proposals">{t("manifesto.sub.proposals")}</Link></p>
    </section>
  );
}
