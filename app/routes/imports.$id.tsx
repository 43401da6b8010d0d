import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireCapability, requireUser } from "#app/auth/access.server.ts";
import { errorText } from "#app/components/Field.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { importFields, ROW_PROBLEMS, type ImportDecision } from "#app/domain/imports.ts";
import type { MessageKey, Translate } from "#app/i18n/i18n.ts";
import { clientIp, parseIdParam, redirectWithFlash } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import {
  cancelImport,
  chooseRowActions,
  commitImport,
  previewImport,
  type ImportPreview,
  type PreviewRow,
  type PreviewView,
} from "#app/models/imports.server.ts";

const INTENT = { commit: "commit", cancel: "cancel", skipInvalid: "skipInvalid" } as const;

/** The mapping chosen on the page (`m0`, `m1`, … one per column), or null to use the suggested one. */
function mappingFrom(search: URLSearchParams | FormData): string[] | null {
  const keys = [...search.keys()].filter((k) => /^m\d{1,4}$/.test(k));
  if (!keys.length) return null;
  const columns = Math.max(...keys.map((k) => Number(k.slice(1)))) + 1;
  return Array.from({ length: Math.min(columns, 1000) }, (_, i) => String(search.get(`m${i}`) ?? ""));
}

/** The action chosen per row (`d<line>`); rows not listed keep their default. */
function decisionsFrom(form: FormData): Record<number, string> {
  const decisions: Record<number, string> = {};
  for (const [key, value] of form) {
    const match = /^d(\d{1,6})$/.exec(key);
    if (match && typeof value === "string") decisions[Number(match[1])] = value;
  }
  return decisions;
}

/** The preview's address for a mapping and a view: what a reload or a shared link shows. */
function previewHref(id: number, mapping: string[], view: { show: string; page: number }) {
  const query = new URLSearchParams();
  mapping.forEach((field, column) => query.set(`m${column}`, field));
  query.set("show", view.show);
  if (view.page > 1) query.set("page", String(view.page));
  return `/imports/${id}?${query}`;
}

/** A paging or "show" button of the preview: `<show>:<page>`. */
const GOTO = /^(problems|all):(\d{1,6})$/;

/** Which rows and page are shown (`show`, `page`); anything else is the default. */
function viewFrom(search: URLSearchParams | FormData): PreviewView {
  const show = search.get("show");
  return { page: Number(search.get("page")) || 1, show: show === "all" || show === "problems" ? show : null };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "import");
  const id = parseIdParam(params.id);
  const search = new URL(request.url).searchParams;
  const preview = previewImport(user, id, mappingFrom(search), {}, viewFrom(search));
  if (!preview) throw redirect("/imports");
  return json({ preview });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "import");
  const id = parseIdParam(params.id);
  const form = await readForm(request);
  const goTo = GOTO.exec(String(form.get("goto") ?? ""));
  if (goTo) {
    // Another page of the preview: the actions chosen on this one are kept first.
    if (!chooseRowActions(user, id, decisionsFrom(form))) return redirectWithFlash("/imports", "imports.alreadyCommitted");
    return redirect(previewHref(id, mappingFrom(form) ?? [], { show: goTo[1]!, page: Number(goTo[2]) }));
  }
  const intent = form.get("intent");
  if (intent === INTENT.cancel) {
    cancelImport(user, id);
    return redirectWithFlash("/imports", "imports.cancelled");
  }
  if (intent === INTENT.skipInvalid) {
    // Every row with errors set to "Skip", the other choices kept; nothing is written yet.
    const preview = previewImport(user, id, mappingFrom(form), decisionsFrom(form), { ...viewFrom(form), skipInvalid: true });
    if (!preview) return redirectWithFlash("/imports", "imports.alreadyCommitted");
    return json({ preview });
  }
  const result = commitImport(user, id, mappingFrom(form) ?? [], decisionsFrom(form), { ip: clientIp(context) }, viewFrom(form));
  if (result.ok) return redirectWithFlash("/imports", "imports.committed");
  if (result.reason === "alreadyCommitted") return redirectWithFlash("/imports", "imports.alreadyCommitted");
  return json({ preview: result.preview }, { status: 400 });
}

function problemText(t: Translate, code: string): string {
  if (!code.startsWith("import.")) return errorText(t, code);
  const [name, count] = code.slice("import.".length).split(":");
  return t(`imports.error.${name}` as MessageKey, count ? { count: Number(count) } : undefined);
}

function choicesFor(row: PreviewRow): Array<{ value: ImportDecision; label: MessageKey }> {
  if (row.duplicate) {
    return [
      { value: "skip", label: "imports.decision.skip" },
      { value: "create", label: "imports.decision.createAnyway" },
      { value: "update", label: "imports.decision.update" },
    ];
  }
  if (row.duplicateOfLine) {
    return [
      { value: "skip", label: "imports.decision.skip" },
      { value: "create", label: "imports.decision.createAnyway" },
    ];
  }
  if (Object.keys(row.errors).length) {
    return [
      { value: "skip", label: "imports.decision.skip" },
      { value: "create", label: "imports.decision.create" },
    ];
  }
  return [
    { value: "create", label: "imports.decision.create" },
    { value: "skip", label: "imports.decision.skip" },
  ];
}

export default function ImportPreviewPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const preview: ImportPreview = (actionData?.preview ?? loaderData.preview) as ImportPreview;
  const navigation = useNavigation();
  const { t, number } = useI18n();
  const fields = importFields[preview.kind];
  const toWrite = preview.counts.create + preview.counts.update;
  const committing = navigation.state === "submitting" && navigation.formData?.get("intent") === INTENT.commit;
  const mappingKey = preview.mapping.join("|");
  const fieldLabel = (field: string) => t(`imports.field.${field}` as MessageKey);
  // The table's columns: the file's columns that are imported, in the file's order.
  const shownFields = preview.mapping.filter(Boolean);
  // Paging and switching the rows shown are buttons of the form, so the actions chosen on this page go along.
  const goTo = (show: string, page: number, label: string, current?: boolean) => (
    <button type="submit" name="goto" value={`${show}:${page}`} className="link-button" aria-current={current ? "page" : undefined} formNoValidate>
      {label}
    </button>
  );

  return (
    <section>
      <h1>{t("imports.preview.title", { file: preview.fileName })}</h1>
      <p>
        {t("imports.preview.fileInfo", {
          rows: number(preview.totalRows),
          encoding: preview.encoding,
          delimiter: preview.delimiter === "\t" ? "⇥" : `«${preview.delimiter}»`,
        })}
      </p>

      <h2>{t("imports.mapping.title")}</h2>
      <p className="hint">{t("imports.mapping.hint")}</p>
      <Form method="get" className="filters" key={mappingKey} aria-label={t("imports.mapping.title")}>
        {preview.headers.map((header, column) => (
          <label key={column}>
            {header}
            <select name={`m${column}`} defaultValue={preview.mapping[column] ?? ""} aria-label={`${t("imports.mapping.column")}: ${header}`}>
              <option value="">{t("imports.mapping.ignore")}</option>
              {fields.map((field) => (
                <option key={field} value={field}>
                  {fieldLabel(field)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit">{t("imports.mapping.apply")}</button>
      </Form>

      <Form method="post" key={`commit-${mappingKey}`}>
        {preview.mapping.map((field, column) => (
          <input key={column} type="hidden" name={`m${column}`} value={field} />
        ))}
        <input type="hidden" name="show" value={preview.show} />
        <input type="hidden" name="page" value={preview.page} />
        <p role="status">
          {t("imports.summary", {
            create: number(preview.counts.create),
            update: number(preview.counts.update),
            skip: number(preview.counts.skip),
            invalid: number(preview.counts.invalid),
            duplicates: number(preview.counts.duplicates),
          })}
        </p>
        {preview.counts.blocking > 0 ? (
          <p role="alert" className="form-error">
            {t("imports.blocking", { count: number(preview.counts.blocking) })}
          </p>
        ) : null}
        {preview.counts.invalid > 0 ? (
          <div className="actions">
            <button type="submit" name="intent" value={INTENT.skipInvalid}>
              {t("imports.skipInvalid")}
            </button>
          </div>
        ) : null}

        <h2>{t("imports.rows.title")}</h2>
        <p className="hint">{t("imports.rows.hint")}</p>
        <nav className="filters" aria-label={t("imports.show.label")}>
          {goTo("problems", 1, t("imports.show.problems", { count: number(preview.problems) }), preview.show === "problems")}
          {goTo("all", 1, t("imports.show.all", { count: number(preview.totalRows) }), preview.show === "all")}
        </nav>
        <div className="data-table">
          <table className="import-table">
            <thead>
              <tr>
                <th scope="col">{t("imports.col.line")}</th>
                {shownFields.map((field) => (
                  <th key={field} scope="col">
                    {fieldLabel(field)}
                  </th>
                ))}
                <th scope="col">{t("imports.col.problems")}</th>
                <th scope="col">{t("imports.col.decision")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => {
                const errors = Object.entries(row.errors);
                const className = [errors.length ? "row-invalid" : "", row.duplicate || row.duplicateOfLine ? "row-duplicate" : ""].join(" ").trim();
                return (
                  <tr key={row.line} className={className || undefined} data-line={row.line}>
                    <th scope="row">{row.line}</th>
                    {shownFields.map((field) => {
                      const codes = row.errors[field];
                      return (
                        <td
                          key={field}
                          className={codes ? "cell-invalid" : undefined}
                          title={codes ? codes.map((code) => problemText(t, code)).join("; ") : row.values[field] || undefined}
                        >
                          {row.values[field]}
                        </td>
                      );
                    })}
                    <td className="import-problems">
                      {errors.length === 0 && !row.duplicate && !row.duplicateOfLine ? t("imports.rowOk") : null}
                      {errors.length ? (
                        <ul className="field-errors">
                          {errors.flatMap(([field, codes]) =>
                            codes.map((code) => (
                              <li key={`${field}-${code}`}>
                                {field === ROW_PROBLEMS ? t("imports.field.row") : fieldLabel(field)}: {problemText(t, code)}
                              </li>
                            )),
                          )}
                        </ul>
                      ) : null}
                      {row.duplicate ? (
                        <p className="duplicate">
                          {t("imports.duplicate.existing", {
                            name: row.duplicate.name,
                            by: t(`imports.by.${row.duplicate.by}` as MessageKey),
                          })}
                        </p>
                      ) : null}
                      {row.duplicateOfLine ? <p className="duplicate">{t("imports.duplicate.inFile", { line: row.duplicateOfLine })}</p> : null}
                    </td>
                    <td>
                      {/* Keyed by the action too: "skip every row with errors" redraws it. */}
                      <select
                        key={`${row.line}-${row.decision}`}
                        name={`d${row.line}`}
                        defaultValue={row.decision}
                        aria-label={t("imports.decisionFor", { line: row.line })}
                      >
                        {choicesFor(row).map((c) => (
                          <option key={c.value} value={c.value}>
                            {t(c.label)}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {preview.pages > 1 ? (
          <nav className="pagination" aria-label={t("list.pagination")}>
            {preview.page > 1 ? goTo(preview.show, preview.page - 1, t("imports.page.previous")) : null}
            <span>{t("imports.page", { page: number(preview.page), pages: number(preview.pages) })}</span>
            {preview.page < preview.pages ? goTo(preview.show, preview.page + 1, t("imports.page.next")) : null}
          </nav>
        ) : null}
        <div className="actions">
          <button type="submit" name="intent" value={INTENT.commit} className="primary" disabled={committing} aria-busy={committing || undefined}>
            {committing ? t("imports.committing", { count: number(toWrite) }) : t("imports.commit")}
          </button>
          {committing ? <progress aria-label={t("imports.committing", { count: number(toWrite) })} /> : null}
          <button type="submit" name="intent" value={INTENT.cancel} formNoValidate>
            {t("imports.cancel")}
          </button>
          <Link to="/imports">{t("common.back")}</Link>
        </div>
      </Form>
    </section>
  );
}
