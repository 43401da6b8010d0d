import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { can, requireCapability, requireUser } from "#app/auth/access.server.ts";
import { ErrorList } from "#app/components/Field.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { erasureInput } from "#app/domain/refugee.ts";
import { parseForm } from "#app/lib/forms.ts";
import { clientIp, parseIdParam, redirectWithFlash } from "#app/server/http.server.ts";
import type { FieldErrors } from "#app/lib/forms.ts";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { eraseRefugeeContact, findRefugeeContact, previewErasure, viewRefugeeContact } from "#app/models/refugees.server.ts";

// The confirmation step of a GDPR erasure: irreversible, so it asks for an explicit "I understand",
// after showing everything else the erasure will change (copies in other records, files) and what
// it cannot reach (backups).

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  const contact = findRefugeeContact(user, id);
  requireCapability(user, "eraseRefugeeContacts");
  if (contact.erasedAt) throw await redirectWithFlash(`/refugees/${id}`, "refugees.erase.already");
  // The page names the contact, so opening it is a view.
  viewRefugeeContact(user, id, { ip: clientIp(context) });
  return json({
    contact: { id: contact.id, name: contact.name },
    preview: previewErasure(user, id),
    canManageBackups: can(user, "manageBackups"),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  findRefugeeContact(user, id);
  requireCapability(user, "eraseRefugeeContacts");
  const form = parseForm(erasureInput, await readForm(request));
  if (!form.ok) return json({ errors: form.errors }, { status: 400 });
  const result = await eraseRefugeeContact(user, id, { confirmed: true }, { ip: clientIp(context) });
  if (!result.ok) return json({ errors: { _form: ["invalid"] }, already: true }, { status: 409 });
  return redirectWithFlash(`/refugees/${id}`, "refugees.erase.toast");
}

export default function EraseRefugeeContact() {
  const { contact, preview, canManageBackups } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const confirmErrors = (actionData?.errors as FieldErrors | undefined)?.confirm;
  return (
    <section>
      <h1>{t("refugees.erase.title")}: {contact.name}</h1>
      <p>{t("refugees.erase.explain", { id: contact.id })}</p>
      <p className="form-error" role="note">{t("refugees.erase.irreversible")}</p>

      <h2 id="erase-copies">{t("refugees.erase.copies.title")}</h2>
      {preview.records.length ? (
        <>
          <p>{t("refugees.erase.copies.intro")}</p>
          <div className="data-table">
            <table aria-labelledby="erase-copies">
              <thead>
                <tr>
                  <th scope="col">{t("refugees.erase.copies.kind")}</th>
                  <th scope="col">{t("refugees.erase.copies.record")}</th>
                  <th scope="col">{t("refugees.erase.copies.text")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.records.map((r) => {
                  const kindKey = `refugees.erase.copies.table.${r.table}` as MessageKey;
                  // A table added later without a label still shows, under its own name.
                  const kind = t(kindKey) === kindKey ? r.table : t(kindKey);
                  return (
                    <tr key={`${r.table}-${r.id}`} data-copy={`${r.table}:${r.id}`}>
                      <td>{kind}</td>
                      <td>{r.href ? <Link to={r.href}>#{r.id}</Link> : `#${r.id ?? ""}`}</td>
                      <td className="prewrap">{r.excerpt}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      ) : preview.files.length ? null : (
        <p>{t("refugees.erase.copies.none")}</p>
      )}
      {preview.files.length ? (
        <>
          <h3>{t("refugees.erase.files.title")}</h3>
          <p>{t("refugees.erase.files.intro")}</p>
          <ul>
            {preview.files.map((f) => (
              <li key={f.storageName} data-file={f.storageName}>
                {f.evidenceId != null
                  ? t("refugees.erase.files.evidence", { id: f.evidenceId, name: f.originalName ?? "" })
                  : t("refugees.erase.files.orphan", { name: f.storageName })}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t("refugees.erase.backups.title")}</h2>
      <p id="erase-backups">
        {t("refugees.erase.backups.text", { count: preview.backups.count, keep: preview.backups.keep })}{" "}
        {canManageBackups ? <Link to="/admin/backups">{t("refugees.erase.backups.admin")}</Link> : t("refugees.erase.backups.askAdmin")}
      </p>

      {actionData && "already" in actionData ? <p role="alert" className="form-error">{t("refugees.erase.already")}</p> : null}
      <Form method="post" className="stack" noValidate>
        <div className={confirmErrors?.length ? "field field-invalid" : "field"}>
          <label className="checkbox">
            <input
              type="checkbox"
              name="confirm"
              id="field-confirm"
              aria-invalid={confirmErrors?.length ? true : undefined}
              aria-describedby={confirmErrors?.length ? "field-confirm-errors" : undefined}
            />
            {t("refugees.erase.confirm")}
          </label>
          <ErrorList id="field-confirm-errors" errors={confirmErrors} />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary">{t("refugees.erase.submit")}</button>
          <Link to={`/refugees/${contact.id}`}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </section>
  );
}
