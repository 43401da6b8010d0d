import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { PartnershipForm } from "#app/components/PartnershipForm.tsx";
import { versionField } from "#app/domain/fields.ts";
import { partnershipInput } from "#app/domain/partnership.ts";
import { enumLabel } from "#app/i18n/i18n.ts";
import { parseForm } from "#app/lib/forms.ts";
import { invalidForm, newFormKey, parseIdParam, redirectWithFlash, writeContext } from "#app/lib/http.server.ts";
import { readForm } from "#app/lib/read-form.server.ts";
import { OWNER_ROLES, userChoices } from "#app/models/link-choices.server.ts";
import { getPartnership, partnershipReferenceErrors, updatePartnership } from "#app/models/partnerships.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const partnership = getPartnership(user, parseIdParam(params.id));
  requireRecordWrite(user);
  return json({ formKey: newFormKey(), partnership, owners: userChoices(OWNER_ROLES) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  getPartnership(user, id);
  requireRecordWrite(user);
  const formData = await readForm(request);
  const version = versionField.safeParse(formData.get("version"));
  const form = parseForm(partnershipInput, formData);
  if (!form.ok || !version.success) return invalidForm(form.ok ? { version: ["invalid"] } : form.errors, form.values);
  const refErrors = partnershipReferenceErrors(form.data);
  if (Object.keys(refErrors).length) return invalidForm(refErrors, form.values);
  const result = updatePartnership(user, id, version.data, form.data, writeContext(context, formData));
  if (!result.ok) return json({ errors: {}, values: form.values, stale: result.current }, { status: 409 });
  return redirectWithFlash(`/partnerships/${id}`, "common.saved");
}

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
