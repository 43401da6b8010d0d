import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { PersonForm } from "#app/components/PersonForm.tsx";
import { personInput } from "#app/domain/person.ts";
import type { FieldErrors } from "#app/lib/forms.ts";
import { newFormKey, parseIdParam } from "#app/server/http.server.ts";
import { editAction } from "#app/server/edit-action.server.ts";
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

export const action = (args: ActionFunctionArgs) =>
  editAction(args, {
    find: getPerson,
    schema: personInput,
    referenceErrors: (data): FieldErrors => (organizationExists(data.organizationId) ? {} : { organizationId: ["invalidChoice"] }),
    // A stale save is refused by the save as it always was; only a save that can go through is checked for duplicates.
    beforeSave: ({ id, version, data, values, formData, stored }) => {
      const duplicates = stored.version === version ? duplicatesBeforeSave("person", formData, data, { id, before: stored }) : [];
      return duplicates.length ? json({ errors: {}, values, duplicates }, { status: 409 }) : undefined;
    },
    save: ({ user, id, version, data }, ctx) => updatePerson(user, id, version, data, ctx),
    // The saved organization's name beside the saved values.
    staleDetails: (current) => ({ staleOrganization: organizationById(current.organizationId, { includeArchived: true })?.name ?? null }),
    redirectTo: ({ id }) => `/people/${id}`,
  });

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
