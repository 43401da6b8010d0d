// One table of counts (the reports, a forum edition's year in review): each count that has
// records behind it links to the list filtered to exactly those.
import { Link } from "@remix-run/react";
import type { ReportTable } from "../domain/report.ts";
import { useI18n } from "./i18n.tsx";

export function ReportTableView({ table, idPrefix = "report", linkZero = true }: { table: ReportTable; idPrefix?: string; linkZero?: boolean }) {
  const { t, number } = useI18n();
  const cell = (value: string | number | null) => (value === null ? t("common.none") : typeof value === "number" ? number(value) : value);
  const hrefOf = (r: number, i: number, value: string | number | null) => {
    const href = table.links?.[r]?.[i];
    return href && (linkZero || (typeof value === "number" && value > 0)) ? href : null;
  };
  return (
    // Focusable: on a narrow screen the table scrolls inside its box, and a keyboard must reach the scroll.
    <table className="report-table" id={`${idPrefix}-${table.id}`} tabIndex={0}>
      <caption className="visually-hidden">{table.title}</caption>
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th key={c.label} scope="col" className={c.kind === "text" ? undefined : "num"}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.length === 0 ? (
          <tr>
            <td colSpan={table.columns.length} className="empty">
              {t("reports.noRows")}
            </td>
          </tr>
        ) : (
          table.rows.map((row, r) => (
            <tr key={r} className={table.groupRows?.includes(r) ? "group-row" : table.groupRows ? "group-member" : undefined}>
              {row.map((value, i) => {
                if (i === 0) return <th key={i} scope="row">{cell(value)}</th>;
                const href = hrefOf(r, i, value);
                return (
                  <td key={i} className="num">
                    {href ? <Link to={href}>{cell(value)}</Link> : cell(value)}
                  </td>
                );
              })}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
