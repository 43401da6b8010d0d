import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { PersonForm } from "#app/components/PersonForm.tsx";
import { optionalId } from "#app/domain/fields.ts";
import { personInput } from "#app/domain/person.ts";
import { parseForm } from "#app/lib/forms.ts";
import { invalidForm, newFormKey, redirectWithFlash, writeContext } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { pickerChoices } from "#app/models/link-choices.server.ts";
import { duplicatesBeforeSave } from "#app/models/duplicates.server.ts";
import { createPerson, organizationExists } from "#app/models/people.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireRecordWrite(user);
  // Opened from an organization's page: the organization is chosen already.
  const prefill = optionalId.safeParse(new URL(request.url).searchParams.get("organizationId") ?? undefined);
  const organizationId = prefill.success && prefill.data && organizationExists(prefill.data) ? prefill.data : null;
  return json({ formKey: newFormKey(), organizations: pickerChoices("organizations", [organizationId]), organizationId });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireRecordWrite(user);
  const formData = await readForm(request);
  const form = parseForm(personInput, formData);
  if (!form.ok) return invalidForm(form.errors, form.values);
  if (!organizationExists(form.data.organizationId)) return invalidForm({ organizationId: ["invalidChoice"] }, form.values);
  const duplicates = duplicatesBeforeSave("person", formData, form.data);
  if (duplicates.length) return json({ errors: {}, values: form.values, duplicates }, { status: 409 });
  const id = createPerson(user, form.data, writeContext(context, formData));
  return redirectWithFlash(`/people/${id}`, "common.created.toast");
}

export default function NewPerson() {
  const { organizations, organizationId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section>
      <h1>{t("people.new")}</h1>
      <PersonForm
        organizations={organizations}
        defaults={{ organizationId }}
        cancelTo={organizationId ? `/organizations/${organizationId}` : "/people"}
        values={actionData?.values}
        errors={actionData?.errors}
        duplicates={actionData && "duplicates" in actionData ? actionData.duplicates : undefined}
      />
    </section>
  );
}
