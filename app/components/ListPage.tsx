// The pieces every record list shares: its heading with Export and New, and the GET filter
// form whose values live in the URL (sort, direction and page size ride along hidden).
import { Form, Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { ExportKind } from "../domain/exports.ts";
import { archivedStates, type ArchivedState } from "../domain/fields.ts";
import { ExportLinks } from "./ExportLinks.tsx";
import { SavedViews, type SavedViewItem } from "./SavedViews.tsx";
import type { SavedViewKind } from "../domain/saved-views.ts";
import { useI18n } from "./i18n.tsx";

export function ListHeading({
  title,
  exportKind,
  newLink,
  savedViews,
}: {
  title: string;
  /** The list's saved views (the loader's savedViewsFor), shown beside it with the form that saves one. */
  savedViews?: { kind: SavedViewKind; views: SavedViewItem[] };
  /** Shown when set: the loader decides whether the user may export. */
  exportKind?: ExportKind | null;
  /** Shown when set: the loader decides whether the user may create. */
  newLink?: { to: string; label: string } | null;
}) {
  return (
    <>
      <div className="page-head">
        <h1>{title}</h1>
        {exportKind ? <ExportLinks kind={exportKind} /> : null}
        {newLink ? (
          <Link to={newLink.to} className="button primary">
            {newLink.label}
          </Link>
        ) : null}
      </div>
      {savedViews ? <SavedViews kind={savedViews.kind} views={savedViews.views} /> : null}
    </>
  );
}

export function ListFilters({
  params,
  searchPlaceholder,
  clearTo,
  keep = {},
  children,
}: {
  params: { q: string; sort: string; sortChosen?: boolean; dir: string; perPage: number };
  searchPlaceholder: string;
  clearTo: string;
  /** Other URL state the filter form must carry along (e.g. the follow-ups view). */
  keep?: Record<string, string>;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  // Its fields are uncontrolled (defaultValue): rebuilt when the URL changes, so a link to another
  // state of the list (a saved view, a default view) shows that state's filters, not the last ones.
  const { search } = useLocation();
  return (
    <Form key={search} method="get" className="filters" role="search" aria-label={t("common.filtersLabel")}>
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {/* An unchosen sort is not carried along: a search then ranks the best name matches first. */}
      {params.sortChosen === false ? null : (
        <>
          <input type="hidden" name="sort" value={params.sort} />
          <input type="hidden" name="dir" value={params.dir} />
        </>
      )}
      <input type="hidden" name="perPage" value={params.perPage} />
      <label>
        {t("common.search")}
        <input type="search" name="q" defaultValue={params.q} placeholder={searchPlaceholder} />
      </label>
      {children}
      <button type="submit">{t("common.filter")}</button>
      <Link to={clearTo}>{t("common.clear")}</Link>
    </Form>
  );
}

/** A filter select whose first choice, "All", means no filter. */
export function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string | number | null | undefined;
  options: Array<{ value: string | number; label: string }>;
}) {
  const { t } = useI18n();
  return (
    <label>
      {label}
      <select name={name} defaultValue={value == null ? "" : String(value)}>
        <option value="">{t("common.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The archived-status filter of a list whose records can be archived: active (the default, so an
 * archived record leaves the everyday list), archived, or all. `messages` names the list's labels.
 */
export function ArchivedFilter({ value, messages }: { value: ArchivedState | null | undefined; messages: "org" | "people" }) {
  const { t } = useI18n();
  return (
    <label>
      {t(`${messages}.status`)}
      <select name="archived" defaultValue={value ?? "active"}>
        {archivedStates.map((state) => (
          <option key={state} value={state}>
            {t(`${messages}.status.${state}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
