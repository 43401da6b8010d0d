import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireCapability, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { idParam } from "#app/domain/fields.ts";
import { importKinds, isImportKind, MAX_IMPORT_BYTES } from "#app/domain/imports.ts";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { clientIp, redirectWithFlash } from "#app/server/http.server.ts";
import { readUploadForm } from "#app/server/read-form.server.ts";
import { recentImports, stageImport, undoImport } from "#app/models/imports.server.ts";

const INTENT = { upload: "upload", undo: "undo" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "import");
  return json({ history: recentImports(user) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "import");
  // The upload is multipart, Undo an ordinary form: both are read here. The parser stops reading a
  // file at the size limit, so a huge upload is never held whole; a body that is not a form is a 400.
  const { formData: form, tooLarge } = await readUploadForm(request, { maxFileSize: MAX_IMPORT_BYTES });
  if (tooLarge) return json({ error: "imports.error.tooLarge" as MessageKey }, { status: 413 });

  if (form.get("intent") === INTENT.undo) {
    const id = idParam.safeParse(form.get("id"));
    if (!id.success) return json({ error: "imports.undo.notUndoable" as MessageKey }, { status: 400 });
    const result = undoImport(user, id.data, { ip: clientIp(context) });
    if (result.ok) return redirectWithFlash("/imports", "imports.undoDone");
    return json({ error: `imports.undo.${result.reason}` as MessageKey }, { status: 409 });
  }

  const kind = form.get("kind");
  const file = form.get("file");
  if (!isImportKind(kind)) return json({ error: "imports.error.kind" as MessageKey }, { status: 400 });
  if (!(file instanceof Blob) || file.size === 0) return json({ error: "imports.error.noFile" as MessageKey }, { status: 400 });
  if (file.size > MAX_IMPORT_BYTES) return json({ error: "imports.error.tooLarge" as MessageKey }, { status: 413 });
  const fileName = "name" in file && typeof file.name === "string" ? file.name : "import.csv";
  const staged = stageImport(user, kind, fileName, new Uint8Array(await file.arrayBuffer()));
  if (!staged.ok) return json({ error: `imports.error.${staged.error}` as MessageKey }, { status: 400 });
  return redirect(`/imports/${staged.id}`);
}

export default function Imports() {
  const { history } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, dateTime, number } = useI18n();
  const uploading = navigation.state === "submitting" && navigation.formData?.get("intent") === INTENT.upload;
  const error = actionData && "error" in actionData ? actionData.error : null;
  return (
    <section>
      <h1>{t("imports.title")}</h1>
      <p>{t("imports.intro")}</p>
      {error ? (
        <p role="alert" className="form-error">
          {t(error)}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="filters" aria-label={t("imports.upload.title")}>
        <input type="hidden" name="intent" value={INTENT.upload} />
        <label>
          {t("imports.kind")}
          <select name="kind" defaultValue="organizations">
            {importKinds.map((k) => (
              <option key={k} value={k}>
                {t(`imports.kind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("imports.file")}
          <input type="file" name="file" accept=".csv,text/csv,text/plain" required />
          <small className="hint">{t("imports.fileHint")}</small>
        </label>
        <button type="submit" className="primary" disabled={uploading} aria-busy={uploading || undefined}>
          {uploading ? t("imports.uploading") : t("imports.uploadSubmit")}
        </button>
        {uploading ? <progress aria-label={t("imports.uploading")} /> : null}
      </Form>

      <h2>{t("imports.history")}</h2>
      {history.length === 0 ? (
        <p>{t("imports.history.empty")}</p>
      ) : (
        <div className="data-table">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("imports.col.at")}</th>
                <th scope="col">{t("imports.col.file")}</th>
                <th scope="col">{t("imports.col.kind")}</th>
                <th scope="col">{t("imports.col.by")}</th>
                <th scope="col">{t("imports.col.counts")}</th>
                <th scope="col">{t("common.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((i) => (
                <tr key={i.id}>
                  <td>{dateTime(i.createdAt)}</td>
                  <td>{i.fileName}</td>
                  <td>{t(`imports.kind.${i.kind}` as MessageKey)}</td>
                  <td>{i.userName ?? t("common.none")}</td>
                  <td>
                    {t("imports.counts", {
                      created: number(i.createdCount),
                      updated: number(i.updatedCount),
                      skipped: number(i.skippedCount),
                    })}
                  </td>
                  <td>
                    {i.undoneAt ? (
                      t("imports.undone", { date: dateTime(i.undoneAt) })
                    ) : (
                      <Form method="post">
                        <input type="hidden" name="intent" value={INTENT.undo} />
                        <input type="hidden" name="id" value={i.id} />
                        <button type="submit">{t("imports.undo")}</button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
