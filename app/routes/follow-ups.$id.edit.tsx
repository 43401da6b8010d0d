import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { FollowUpForm } from "#app/components/FollowUpForm.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { followUpInput } from "#app/domain/followUp.ts";
import { enumLabel } from "#app/i18n/i18n.ts";
import { newFormKey, parseIdParam } from "#app/server/http.server.ts";
import { editAction } from "#app/server/edit-action.server.ts";
import { followUpFormChoices } from "#app/models/follow-up-form.server.ts";
import { followUpReferenceErrors, getFollowUp, updateFollowUp } from "#app/models/follow-ups.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const followUp = getFollowUp(user, parseIdParam(params.id));
  requireRecordWrite(user);
  return json({ formKey: newFormKey(), followUp, choices: followUpFormChoices(followUp, user.locale) });
}

export const action = (args: ActionFunctionArgs) =>
  editAction(args, {
    find: getFollowUp,
    schema: followUpInput,
    referenceErrors: followUpReferenceErrors,
    save: ({ user, id, version, data }, ctx) => updateFollowUp(user, id, version, data, ctx),
    redirectTo: ({ id }) => `/follow-ups/${id}`,
  });

export default function EditFollowUp() {
  const { followUp, choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useI18n();
  const stale = actionData && "stale" in actionData ? actionData.stale : undefined;
  return (
    <section>
      <h1>{t("followUps.editTitle", { title: followUp.title })}</h1>
      {stale ? (
        <dl className="details stale-values" aria-label={t("errors.staleVersion")}>
          <div><dt>{t("followUps.field.title")}</dt><dd>{stale.title}</dd></div>
          <div><dt>{t("followUps.field.dueOn")}</dt><dd>{date(stale.dueOn)}</dd></div>
          <div><dt>{t("followUps.field.status")}</dt><dd>{enumLabel(t, "followUpStatus", stale.status)}</dd></div>
          <div><dt>{t("followUps.field.notes")}</dt><dd>{stale.notes ?? t("common.none")}</dd></div>
        </dl>
      ) : null}
      <FollowUpForm
        key={stale?.version ?? followUp.version}
        defaults={followUp}
        choices={choices}
        values={actionData?.values}
        errors={actionData?.errors}
        version={stale?.version ?? followUp.version}
        notice={stale ? "errors.staleVersion" : undefined}
        cancelTo={`/follow-ups/${followUp.id}`}
      />
    </section>
  );
}
