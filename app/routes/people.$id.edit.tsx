import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { PersonForm } from "#app/components/PersonForm.tsx";
import { versionField } from "#app/domain/fields.ts";
import { personInput } from "#app/domain/person.ts";
import { parseForm } from "#app/lib/forms.ts";
import { invalidForm, newFormKey, parseIdParam, redirectWithFlash, writeContext } from "#app/lib/http.server.ts";
import { readForm } from "#app/lib/read-form.server.ts";
import { pickerChoices } from "#app/models/link-choices.server.ts";
import { organizationById } from "#app/models/organization-lookup.server.ts";
import { duplicatesBeforeSave } from "#app/models/duplicates.server.ts";
import { getPerson, organizationExists, updatePerson } from "#app/models/people.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const person = getPerson(user, parseIdParam(params.id));
  requireRecordWrite(user);
  return json({ formKey: newFormKey(), person, organizations: pickerChoices("organizations", [person.organizationId]) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  const stored = getPerson(user, id);
  requireRecordWrite(user);
  const formData = await readForm(request);
  const version = versionField.safeParse(formData.get("version"));
  const form = parseForm(personInput, formData);
  if (!form.ok || !version.success) return invalidForm(form.ok ? { version: ["invalid"] } : form.errors, form.values);
  if (!organizationExists(form.data.organizationId)) return invalidForm({ organizationId: ["invalidChoice"] }, form.values);
  // A stale save is refused below as it always was; only a save that can go through is checked for duplicates.
  const duplicates = stored.version === version.data ? duplicatesBeforeSave("person", formData, form.data, { id, before: stored }) : [];
  if (duplicates.length) return json({ errors: {}, values: form.values, duplicates }, { status: 409 });
  const result = updatePerson(user, id, version.data, form.data, writeContext(context, formData));
  if (!result.ok) {
    // Refused, nothing written: the typed values stay, the saved ones are shown, and the form
    // now carries the current version so a deliberate second save overwrites.
    const staleOrganization = organizationById(result.current.organizationId, { includeArchived: true })?.name ?? null;
    return json({ errors: {}, values: form.values, stale: result.current, staleOrganization }, { status: 409 });
  }
  return redirectWithFlash(`/people/${id}`, "common.saved");
}

export default function EditPerson() {
  const { person, organizations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const stale = actionData && "stale" in actionData ? actionData.stale : undefined;
  const staleOrganization = actionData && "staleOrganization" in actionData ? actionData.staleOrganization : null;
  return (
    <section>
      <h1>{t("people.editTitle", { name: person.name })}</h1>
      {stale ? (
        <dl className="details stale-values" aria-label={t("errors.staleVersion")}>
          <div><dt>{t("people.name")}</dt><dd>{stale.name}</dd></div>
          <div><dt>{t("people.position")}</dt><dd>{stale.position ?? t("common.none")}</dd></div>
          <div><dt>{t("people.organization")}</dt><dd>{staleOrganization ?? t("common.none")}</dd></div>
          <div><dt>{t("people.email")}</dt><dd>{stale.email ?? t("common.none")}</dd></div>
          <div><dt>{t("people.phone")}</dt><dd>{stale.phone ?? t("common.none")}</dd></div>
        </dl>
      ) : null}
      <PersonForm
        key={stale?.version ?? person.version}
        organizations={organizations}
        defaults={person}
        values={actionData?.values}
        errors={actionData?.errors}
        version={stale?.version ?? person.version}
        notice={stale ? "errors.staleVersion" : undefined}
        cancelTo={`/people/${person.id}`}
        duplicates={actionData && "duplicates" in actionData ? actionData.duplicates : undefined}
      />
    </section>
  );
}
