import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { OrganizationForm } from "#app/components/OrganizationForm.tsx";
import { organizationInput } from "#app/domain/organization.ts";
import { newFormKey, parseIdParam } from "#app/server/http.server.ts";
import { editAction } from "#app/server/edit-action.server.ts";
import { duplicatesBeforeSave } from "#app/models/duplicates.server.ts";
import { getOrganization, updateOrganization } from "#app/models/organizations.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const organization = getOrganization(user, parseIdParam(params.id));
  requireRecordWrite(user);
  return json({ formKey: newFormKey(), organization });
}

export const action = (args: ActionFunctionArgs) =>
  editAction(args, {
    find: getOrganization,
    schema: organizationInput,
    // A stale save is refused by the save as it always was; only a save that can go through is checked for duplicates.
    beforeSave: ({ id, version, data, values, formData, stored }) => {
      const duplicates = stored.version === version ? duplicatesBeforeSave("organization", formData, data, { id, before: stored }) : [];
      return duplicates.length ? json({ errors: {}, values, duplicates }, { status: 409 }) : undefined;
    },
    save: ({ user, id, version, data }, ctx) => updateOrganization(user, id, version, data, ctx),
    redirectTo: ({ id }) => `/organizations/${id}`,
  });

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
