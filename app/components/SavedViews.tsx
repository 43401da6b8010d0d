// Saved views beside a list (issue 17 point 4): the user's own and the shared ones as links, the
// owner's Share and Delete, and a form that keeps the list's current URL state under a name.
// Plain forms posting to /saved-views: they work without JavaScript.
import { Form, Link, useLocation } from "@remix-run/react";
import { savedViewHref, type SavedViewKind } from "../domain/saved-views.ts";
import { useI18n } from "./i18n.tsx";

export type SavedViewItem = { id: number; kind: SavedViewKind; name: string; query: string; shared: boolean; ownerName: string; mine: boolean };

export function SavedViews({
  kind,
  views,
  title,
  saveForm = true,
}: {
  kind: SavedViewKind;
  views: SavedViewItem[];
  /** The heading; "Saved views" by default. */
  title?: string;
  /** The form that saves the current list: beside a list, not on the page of all views. */
  saveForm?: boolean;
}) {
  const { t } = useI18n();
  const location = useLocation();
  const here = location.pathname + location.search;
  const currentQuery = location.search;
  const headingId = `saved-views-${kind}`;
  return (
    <section className="saved-views" aria-labelledby={headingId}>
      <h2 id={headingId}>{title ?? t("savedViews.title")}</h2>
      {views.length ? (
        <ul className="saved-view-list">
          {views.map((v) => {
            const href = savedViewHref(v.kind, v.query);
            const current = `${location.pathname}${location.search}` === href || (location.search === "" && v.query === "" && location.pathname === `/${v.kind}`);
            return (
              <li key={v.id}>
                <Link to={href} aria-current={current ? "page" : undefined}>
                  {v.name}
                </Link>
                {v.shared ? <span className="badge">{v.mine ? t("savedViews.sharedBadge") : t("savedViews.sharedBy", { name: v.ownerName })}</span> : null}
                {v.mine ? (
                  <Form method="post" action="/saved-views" className="inline-form">
                    <input type="hidden" name="id" value={v.id} />
                    <input type="hidden" name="redirectTo" value={here} />
                    <button type="submit" name="intent" value={v.shared ? "unshare" : "share"} aria-label={t(v.shared ? "savedViews.unshareLabel" : "savedViews.shareLabel", { name: v.name })}>
                      {t(v.shared ? "savedViews.unshare" : "savedViews.share")}
                    </button>
                    <button type="submit" name="intent" value="delete" className="danger" aria-label={t("savedViews.deleteLabel", { name: v.name })}>
                      {t("savedViews.delete")}
                    </button>
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="hint">{t("savedViews.none")}</p>
      )}
      {saveForm ? <SaveViewForm kind={kind} query={currentQuery} /> : null}
    </section>
  );
}

/** The form that keeps a list's query under a name; also shown again, with its errors, on /saved-views. */
export function SaveViewForm({ kind, query, name = "", shared = false, errors }: { kind: SavedViewKind; query: string; name?: string; shared?: boolean; errors?: string[] }) {
  const { t } = useI18n();
  return (
    <Form method="post" action="/saved-views" className="inline-form save-view-form">
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="query" value={query} />
      <label>
        {t("savedViews.name")}
        <input name="name" defaultValue={name} maxLength={80} required aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? `save-view-errors-${kind}` : undefined} />
      </label>
      <label className="checkbox">
        <input type="checkbox" name="shared" value="yes" defaultChecked={shared} />
        {t("savedViews.shareOnSave")}
      </label>
      <button type="submit">{t("savedViews.save")}</button>
    </Form>
  );
}
