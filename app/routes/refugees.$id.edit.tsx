import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireCapability, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { RefugeeContactForm } from "#app/components/RefugeeContactForm.tsx";
import { versionField } from "#app/domain/fields.ts";
import { refugeeContactInput } from "#app/domain/refugee.ts";
import { parseForm } from "#app/lib/forms.ts";
import { clientIp, invalidForm, newFormKey, parseIdParam, redirectWithFlash, writeContext } from "#app/lib/http.server.ts";
import { readForm } from "#app/lib/read-form.server.ts";
import { findRefugeeContact, updateRefugeeContact, viewRefugeeContact } from "#app/models/refugees.server.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  const stored = findRefugeeContact(user, id);
  requireCapability(user, "writeRefugeeContacts");
  if (stored.erasedAt) throw await redirectWithFlash(`/refugees/${id}`, "refugees.cannotEditErased");
  // The edit form shows the personal data too: it is a view like the detail page.
  const { contact } = viewRefugeeContact(user, id, { ip: clientIp(context) });
  return json({ formKey: newFormKey(), contact });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  findRefugeeContact(user, id);
  requireCapability(user, "writeRefugeeContacts");
  const formData = await readForm(request);
  const version = versionField.safeParse(formData.get("version"));
  const form = parseForm(refugeeContactInput, formData);
  if (!form.ok || !version.success) {
    return invalidForm(form.ok ? { version: ["invalid"] } : form.errors, form.values);
  }
  const result = updateRefugeeContact(user, id, version.data, form.data, writeContext(context, formData));
  if (!result.ok && result.reason === "erased") {
    return json({ errors: { _form: ["invalid"] }, values: form.values, erased: true as const }, { status: 409 });
  }
  if (!result.ok) {
    // Nothing written: the user's values stay in the form, the saved ones are shown beside them.
    return json({ errors: {}, values: form.values, stale: result.current }, { status: 409 });
  }
  return redirectWithFlash(`/refugees/${id}`, "common.saved");
}

export default function EditRefugeeContact() {
  const { contact } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const stale = actionData && "stale" in actionData ? actionData.stale : undefined;
  const erased = actionData && "erased" in actionData;
  return (
    <section>
      <h1>{t("refugees.editTitle", { name: contact.name })}</h1>
      {erased ? <p role="alert" className="form-error">{t("refugees.cannotEditErased")}</p> : null}
      {stale ? (
        <dl className="details stale-values" aria-label={t("errors.staleVersion")}>
          <div><dt>{t("refugees.name")}</dt><dd>{stale.name}</dd></div>
          <div><dt>{t("refugees.languages")}</dt><dd>{stale.languages ?? t("common.none")}</dd></div>
          <div><dt>{t("refugees.contactValue")}</dt><dd>{stale.contactValue ?? t("common.none")}</dd></div>
          <div><dt>{t("refugees.notes")}</dt><dd>{stale.notes ?? t("common.none")}</dd></div>
        </dl>
      ) : null}
      <RefugeeContactForm
        key={stale?.version ?? contact.version}
        defaults={contact}
        values={actionData?.values}
        errors={erased ? undefined : actionData?.errors}
        version={stale?.version ?? contact.version}
        notice={stale ? "errors.staleVersion" : undefined}
        cancelTo={`/refugees/${contact.id}`}
      />
    </section>
  );
}
