import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { CommitmentForm } from "#app/components/CommitmentForm.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { commitmentInput } from "#app/domain/commitment.ts";
import { versionField } from "#app/domain/fields.ts";
import { enumLabel } from "#app/i18n/i18n.ts";
import { parseForm } from "#app/lib/forms.ts";
import { invalidForm, newFormKey, parseIdParam, redirectWithFlash, writeContext } from "#app/lib/http.server.ts";
import { readForm } from "#app/lib/read-form.server.ts";
import { commitmentFormChoices } from "#app/models/commitment-form.server.ts";
import { commitmentReferenceErrors, getCommitment, updateCommitment } from "#app/models/commitments.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const commitment = getCommitment(user, parseIdParam(params.id));
  requireRecordWrite(user);
  return json({ formKey: newFormKey(), commitment, choices: commitmentFormChoices([commitment.leadOrganizationId, ...commitment.coPledgerIds], user.locale) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  getCommitment(user, id);
  requireRecordWrite(user);
  const formData = await readForm(request);
  const version = versionField.safeParse(formData.get("version"));
  const form = parseForm(commitmentInput, formData);
  if (!form.ok || !version.success) return invalidForm(form.ok ? { version: ["invalid"] } : form.errors, form.values);
  const refErrors = commitmentReferenceErrors(form.data);
  if (Object.keys(refErrors).length) return invalidForm(refErrors, form.values);
  const result = updateCommitment(user, id, version.data, form.data, writeContext(context, formData));
  if (!result.ok) {
    // Refused, nothing written: the typed values stay in the form, the saved ones are shown beside them.
    return json({ errors: {}, values: form.values, stale: result.current }, { status: 409 });
  }
  return redirectWithFlash(`/commitments/${id}`, "common.saved");
}

export default function EditCommitment() {
  const { commitment, choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useI18n();
  const stale = actionData && "stale" in actionData ? actionData.stale : undefined;
  const orgName = (id: number) => choices.organizations.find((o) => o.id === id)?.label ?? String(id);
  return (
    <section>
      <h1>{t("commitments.editTitle", { title: commitment.title })}</h1>
      <p className="hint">{t("commitments.statusHint")}</p>
      {stale ? (
        <dl className="details stale-values" aria-label={t("errors.staleVersion")}>
          <div><dt>{t("commitments.field.title")}</dt><dd>{stale.title}</dd></div>
          <div><dt>{t("commitments.field.lead")}</dt><dd>{orgName(stale.leadOrganizationId)}</dd></div>
          <div><dt>{t("commitments.field.coPledgers")}</dt><dd>{stale.coPledgerIds.map(orgName).join(", ") || t("common.none")}</dd></div>
          <div><dt>{t("commitments.field.niemDimension")}</dt><dd>{enumLabel(t, "niemDimension", stale.niemDimension)}</dd></div>
          <div><dt>{t("commitments.field.dueOn")}</dt><dd>{date(stale.dueOn) || t("common.none")}</dd></div>
          <div><dt>{t("commitments.field.description")}</dt><dd>{stale.description ?? t("common.none")}</dd></div>
        </dl>
      ) : null}
      <CommitmentForm
        key={stale?.version ?? commitment.version}
        defaults={commitment}
        choices={choices}
        values={actionData?.values}
        errors={actionData?.errors}
        version={stale?.version ?? commitment.version}
        notice={stale ? "errors.staleVersion" : undefined}
        cancelTo={`/commitments/${commitment.id}`}
      />
    </section>
  );
}
