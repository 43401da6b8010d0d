import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { CommitmentForm } from "#app/components/CommitmentForm.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { commitmentInput } from "#app/domain/commitment.ts";
import { enumLabel } from "#app/i18n/i18n.ts";
import { newFormKey, parseIdParam } from "#app/server/http.server.ts";
import { editAction } from "#app/server/edit-action.server.ts";
import { commitmentFormChoices } from "#app/models/commitment-form.server.ts";
import { commitmentReferenceErrors, getCommitment, updateCommitment } from "#app/models/commitments.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const commitment = getCommitment(user, parseIdParam(params.id));
  requireRecordWrite(user);
  return json({ formKey: newFormKey(), commitment, choices: commitmentFormChoices([commitment.leadOrganizationId, ...commitment.coPledgerIds], user.locale) });
}

export const action = (args: ActionFunctionArgs) =>
  editAction(args, {
    find: getCommitment,
    schema: commitmentInput,
    referenceErrors: commitmentReferenceErrors,
    save: ({ user, id, version, data }, ctx) => updateCommitment(user, id, version, data, ctx),
    redirectTo: ({ id }) => `/commitments/${id}`,
  });

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
