import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCapability, requireUser } from "#app/auth/access.server.ts";
import { ErrorList } from "#app/components/Field.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { erasureInput } from "#app/domain/refugee.ts";
import { parseForm } from "#app/lib/forms.ts";
import { clientIp, parseIdParam, redirectWithFlash } from "#app/lib/http.server.ts";
import type { FieldErrors } from "#app/lib/forms.ts";
import { readForm } from "#app/lib/read-form.server.ts";
import { eraseRefugeeContact, findRefugeeContact, viewRefugeeContact } from "#app/models/refugees.server.ts";

// The confirmation step of a GDPR erasure: irreversible, so it asks for an explicit "I understand".

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  const contact = findRefugeeContact(user, id);
  requireCapability(user, "eraseRefugeeContacts");
  if (contact.erasedAt) throw await redirectWithFlash(`/refugees/${id}`, "refugees.erase.already");
  // The page names the contact, so opening it is a view.
  viewRefugeeContact(user, id, { ip: clientIp(context) });
  return json({ contact: { id: contact.id, name: contact.name } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  findRefugeeContact(user, id);
  requireCapability(user, "eraseRefugeeContacts");
  const form = parseForm(erasureInput, await readForm(request));
  if (!form.ok) return json({ errors: form.errors }, { status: 400 });
  const result = eraseRefugeeContact(user, id, { confirmed: true }, { ip: clientIp(context) });
  if (!result.ok) return json({ errors: { _form: ["invalid"] }, already: true }, { status: 409 });
  return redirectWithFlash(`/refugees/${id}`, "refugees.erase.toast");
}

export default function EraseRefugeeContact() {
  const { contact } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const confirmErrors = (actionData?.errors as FieldErrors | undefined)?.confirm;
  return (
    <section>
      <h1>{t("refugees.erase.title")}: {contact.name}</h1>
      <p>{t("refugees.erase.explain", { id: contact.id })}</p>
      <p className="form-error" role="note">{t("refugees.erase.irreversible")}</p>
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
