import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireCapability, requireUser } from "#app/auth/access.server.ts";
import { errorText } from "#app/components/Field.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { importFields, type ImportDecision } from "#app/domain/imports.ts";
import type { MessageKey, Translate } from "#app/i18n/i18n.ts";
import { clientIp, parseIdParam, redirectWithFlash } from "#app/lib/http.server.ts";
import { readForm } from "#app/lib/read-form.server.ts";
import { cancelImport, commitImport, previewImport, type ImportPreview, type PreviewRow } from "#app/models/imports.server.ts";

const INTENT = { commit: "commit", cancel: "cancel" } as const;

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

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "import");
  const id = parseIdParam(params.id);
  const preview = previewImport(user, id, mappingFrom(new URL(request.url).searchParams));
  if (!preview) throw redirect("/imports");
  return json({ preview });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "import");
  const id = parseIdParam(params.id);
  const form = await readForm(request);
  if (form.get("intent") === INTENT.cancel) {
    cancelImport(user, id);
    return redirectWithFlash("/imports", "imports.cancelled");
  }
  const result = commitImport(user, id, mappingFrom(form) ?? [], decisionsFrom(form), { ip: clientIp(context) });
  if (result.ok) return redirectWithFlash("/imports", "imports.committed");
  if (result.reason === "alreadyCommitted") return redirectWithFlash("/imports", "imports.alreadyCommitted");
  return json({ preview: result.preview }, { status: 400 });
}

function problemText(t: Translate, code: string): string {
  return code.startsWith("import.") ? t(`imports.error.${code.slice("import.".length)}` as MessageKey) : errorText(t, code);
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

        <h2>{t("imports.rows.title")}</h2>
        <p className="hint">{t("imports.rows.hint")}</p>
        <div className="data-table">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("imports.col.line")}</th>
                <th scope="col">{t("imports.col.values")}</th>
                <th scope="col">{t("imports.col.problems")}</th>
                <th scope="col">{t("imports.col.decision")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => {
                const errors = Object.entries(row.errors);
                return (
                  <tr key={row.line} className={errors.length ? "row-invalid" : undefined} data-line={row.line}>
                    <td>{row.line}</td>
                    <td>
                      <dl className="import-values">
                        {Object.entries(row.values)
                          .filter(([, value]) => value !== "")
                          .map(([field, value]) => (
                            <div key={field}>
                              <dt>{fieldLabel(field)}</dt>
                              <dd>{value}</dd>
                            </div>
                          ))}
                      </dl>
                    </td>
                    <td>
                      {errors.length === 0 && !row.duplicate && !row.duplicateOfLine ? t("imports.rowOk") : null}
                      {errors.length ? (
                        <ul className="field-errors">
                          {errors.flatMap(([field, codes]) =>
                            codes.map((code) => (
                              <li key={`${field}-${code}`}>
                                {fieldLabel(field)}: {problemText(t, code)}
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
                      <select name={`d${row.line}`} defaultValue={row.decision} aria-label={t("imports.decisionFor", { line: row.line })}>
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
