import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { OrganizationForm } from "#app/components/OrganizationForm.tsx";
import { versionField } from "#app/domain/fields.ts";
import { organizationInput } from "#app/domain/organization.ts";
import { parseForm } from "#app/lib/forms.ts";
import { invalidForm, newFormKey, parseIdParam, redirectWithFlash, writeContext } from "#app/lib/http.server.ts";
import { readForm } from "#app/lib/read-form.server.ts";
import { duplicatesBeforeSave } from "#app/models/duplicates.server.ts";
import { getOrganization, updateOrganization } from "#app/models/organizations.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const organization = getOrganization(user, parseIdParam(params.id));
  requireRecordWrite(user);
  return json({ formKey: newFormKey(), organization });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  const stored = getOrganization(user, id);
  requireRecordWrite(user);
  const formData = await readForm(request);
  const version = versionField.safeParse(formData.get("version"));
  const form = parseForm(organizationInput, formData);
  if (!form.ok || !version.success) {
    return invalidForm(form.ok ? { version: ["invalid"] } : form.errors, form.values);
  }
  // A stale save is refused below as it always was; only a save that can go through is checked for duplicates.
  const duplicates = stored.version === version.data ? duplicatesBeforeSave("organization", formData, form.data, { id, before: stored }) : [];
  if (duplicates.length) return json({ errors: {}, values: form.values, duplicates }, { status: 409 });
  const result = updateOrganization(user, id, version.data, form.data, writeContext(context, formData));
  if (!result.ok) {
    // Refused, nothing written: the user's values stay in the form, the saved ones are shown,
    // and the form now carries the current version so a deliberate second save overwrites.
    return json({ errors: {}, values: form.values, stale: result.current }, { status: 409 });
  }
  return redirectWithFlash(`/organizations/${id}`, "common.saved");
}

export default function EditOrganization() {
  const { organization } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const stale = actionData && "stale" in actionData ? actionData.stale : undefined;
  return (
    <section>
      <h1>{t("org.editTitle", { name: organization.name })}</h1>
      {stale ? (
        <dl className="details stale-values" aria-label={t("errors.staleVersion")}>
          <div><dt>{t("org.name")}</dt><dd>{stale.name}</dd></div>
          <div><dt>{t("org.email")}</dt><dd>{stale.email ?? t("common.none")}</dd></div>
          <div><dt>{t("org.phone")}</dt><dd>{stale.phone ?? t("common.none")}</dd></div>
          <div><dt>{t("org.description")}</dt><dd>{stale.description ?? t("common.none")}</dd></div>
        </dl>
      ) : null}
      <OrganizationForm
        key={stale?.version ?? organization.version}
        defaults={organization}
        values={actionData?.values}
        errors={actionData?.errors}
        version={stale?.version ?? organization.version}
        notice={stale ? "errors.staleVersion" : undefined}
        cancelTo={`/organizations/${organization.id}`}
        duplicates={actionData && "duplicates" in actionData ? actionData.duplicates : undefined}
      />
    </section>
  );
}
