import { Link, useSearchParams } from "@remix-run/react";
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
} from "@tanstack/react-table";
import { listHref, PER_PAGE_CHOICES } from "../lib/list-params.ts";
import { useI18n } from "./i18n.tsx";

export type ListState = { sort: string; dir: "asc" | "desc"; page: number; perPage: number; total: number };

/**
 * A server-driven table: sorting and paging live in the URL and the loader returns one page,
 * so TanStack Table only renders (manual sorting and pagination).
 * A column whose `id` is in `sortable` gets a header link that sorts by it.
 */
export function DataTable<Row>({
  rows,
  columns,
  state,
  sortable,
  caption,
}: {
  rows: Row[];
  columns: ColumnDef<Row, any>[];
  state: ListState;
  sortable: readonly string[];
  caption?: string;
}) {
  const { t, number } = useI18n();
  const [searchParams] = useSearchParams();
  const pageCount = Math.max(1, Math.ceil(state.total / state.perPage));
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    pageCount,
    state: {
      sorting: [{ id: state.sort, desc: state.dir === "desc" }],
      pagination: { pageIndex: state.page - 1, pageSize: state.perPage },
    },
  });
  // Each cell repeats its column's name, shown only where rows become stacked cards (a phone).
  const headerOf = new Map(table.getFlatHeaders().map((h) => [h.column.id, flexRender(h.column.columnDef.header, h.getContext())]));
  const from = state.total === 0 ? 0 : (state.page - 1) * state.perPage + 1;
  const to = Math.min(state.page * state.perPage, state.total);

  return (
    <div className="data-table">
      <table>
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const label = flexRender(header.column.columnDef.header, header.getContext());
                const isSorted = state.sort === header.column.id;
                const canSort = sortable.includes(header.column.id);
                const ariaSort = isSorted ? (state.dir === "asc" ? "ascending" : "descending") : undefined;
                return (
                  <th key={header.id} scope="col" aria-sort={ariaSort}>
                    {canSort ? (
                      <Link
                        to={listHref(searchParams, {
                          sort: header.column.id,
                          dir: isSorted && state.dir === "asc" ? "desc" : "asc",
                        })}
                        className="sort-link"
                      >
                        {label}
                        <span aria-hidden="true">{isSorted ? (state.dir === "asc" ? " ▲" : " ▼") : ""}</span>
                      </Link>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id}>
                  <span className="cell-label" aria-hidden="true">
                    {headerOf.get(cell.column.id)}
                  </span>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="empty">
                {t("list.empty")}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <nav className="pager" aria-label={t("list.pagination")}>
        <span className="pager-summary">
          {t("list.showing", { from, to, total: state.total })}
        </span>
        {state.page > 1 ? (
          <Link to={listHref(searchParams, { page: state.page - 1 })} rel="prev">
            {t("list.previous")}
          </Link>
        ) : null}
        <span>{t("list.page", { page: number(state.page), pages: number(pageCount) })}</span>
        {state.page < pageCount ? (
          <Link to={listHref(searchParams, { page: state.page + 1 })} rel="next">
            {t("list.next")}
          </Link>
        ) : null}
        <span className="per-page">
          {t("list.perPage")}:{" "}
          {PER_PAGE_CHOICES.map((n) =>
            n === state.perPage ? (
              <strong key={n}>{n}</strong>
            ) : (
              <Link key={n} to={listHref(searchParams, { perPage: n })}>
                {n}
              </Link>
            ),
          )}
        </span>
      </nav>
    </div>
  );
}
