import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { PartnershipForm } from "#app/components/PartnershipForm.tsx";
import { partnershipInput } from "#app/domain/partnership.ts";
import { enumLabel } from "#app/i18n/i18n.ts";
import { newFormKey, parseIdParam } from "#app/server/http.server.ts";
import { editAction } from "#app/server/edit-action.server.ts";
import { OWNER_ROLES, userChoices } from "#app/models/link-choices.server.ts";
import { getPartnership, partnershipReferenceErrors, updatePartnership } from "#app/models/partnerships.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const partnership = getPartnership(user, parseIdParam(params.id));
  requireRecordWrite(user);
  return json({ formKey: newFormKey(), partnership, owners: userChoices(OWNER_ROLES) });
}

export const action = (args: ActionFunctionArgs) =>
  editAction(args, {
    find: getPartnership,
    schema: partnershipInput,
    referenceErrors: partnershipReferenceErrors,
    save: ({ user, id, version, data }, ctx) => updatePartnership(user, id, version, data, ctx),
    redirectTo: ({ id }) => `/partnerships/${id}`,
  });

export default function EditPartnership() {
  const { partnership, owners } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useI18n();
  const stale = actionData && "stale" in actionData ? actionData.stale : undefined;
  return (
    <section>
      <h1>{t("partnerships.editTitle", { title: partnership.title })}</h1>
      {stale ? (
        <dl className="details stale-values" aria-label={t("errors.staleVersion")}>
          <div><dt>{t("partnerships.field.title")}</dt><dd>{stale.title}</dd></div>
          <div><dt>{t("partnerships.field.status")}</dt><dd>{enumLabel(t, "partnershipStatus", stale.status)}</dd></div>
          <div><dt>{t("partnerships.field.startsOn")}</dt><dd>{date(stale.startsOn) || t("common.none")}</dd></div>
          <div><dt>{t("partnerships.field.endsOn")}</dt><dd>{date(stale.endsOn) || t("common.none")}</dd></div>
          <div><dt>{t("partnerships.field.description")}</dt><dd>{stale.description ?? t("common.none")}</dd></div>
        </dl>
      ) : null}
      <PartnershipForm
        key={stale?.version ?? partnership.version}
        defaults={partnership}
        owners={owners}
        values={actionData?.values}
        errors={actionData?.errors}
        version={stale?.version ?? partnership.version}
        notice={stale ? "errors.staleVersion" : undefined}
        cancelTo={`/partnerships/${partnership.id}`}
      />
    </section>
  );
}
