// One table of the year in review (app/domain/year-review.ts): each count that has commitments
// behind it links to the commitments list filtered to exactly those.
import { Link } from "@remix-run/react";
import type { ReviewTable } from "../domain/year-review.ts";
import { useI18n } from "./i18n.tsx";

export function ReviewTableView({ table }: { table: ReviewTable }) {
  const { t, number } = useI18n();
  const cell = (value: string | number | null) => (value === null ? t("common.none") : typeof value === "number" ? number(value) : value);
  return (
    <table className="report-table" id={`review-${table.id}`}>
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
            <tr key={r}>
              {row.map((value, i) => {
                if (i === 0) return <th key={i} scope="row">{cell(value)}</th>;
                const href = table.links[r]?.[i];
                return (
                  <td key={i} className="num">
                    {href && typeof value === "number" && value > 0 ? <Link to={href}>{cell(value)}</Link> : cell(value)}
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
