import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { OrganizationForm } from "#app/components/OrganizationForm.tsx";
import { organizationInput } from "#app/domain/organization.ts";
import { parseForm } from "#app/lib/forms.ts";
import { invalidForm, newFormKey, redirectWithFlash, writeContext } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { duplicatesBeforeSave } from "#app/models/duplicates.server.ts";
import { createOrganization } from "#app/models/organizations.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireRecordWrite(user);
  return json({ formKey: newFormKey() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireRecordWrite(user);
  const formData = await readForm(request);
  const form = parseForm(organizationInput, formData);
  if (!form.ok) return invalidForm(form.errors, form.values);
  // Likely duplicates are shown first; «Save anyway» sends the form again with the confirmation.
  const duplicates = duplicatesBeforeSave("organization", formData, form.data);
  if (duplicates.length) return json({ errors: {}, values: form.values, duplicates }, { status: 409 });
  const id = createOrganization(user, form.data, writeContext(context, formData));
  return redirectWithFlash(`/organizations/${id}`, "common.created.toast");
}

export default function NewOrganization() {
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section>
      <h1>{t("org.new")}</h1>
      <OrganizationForm
        cancelTo="/organizations"
        values={actionData?.values}
        errors={actionData?.errors}
        duplicates={actionData && "duplicates" in actionData ? actionData.duplicates : undefined}
      />
    </section>
  );
}
