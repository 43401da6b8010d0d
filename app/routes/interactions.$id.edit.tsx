import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { InteractionForm } from "#app/components/InteractionForm.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { interactionFrom, interactionInput, interactionReturnPath } from "#app/domain/interaction.ts";
import { enumLabel } from "#app/i18n/i18n.ts";
import { newFormKey, parseIdParam } from "#app/server/http.server.ts";
import { editAction } from "#app/server/edit-action.server.ts";
import { getInteraction, missingLinks, updateInteraction } from "#app/models/interactions.server.ts";
import { pickerChoices } from "#app/models/link-choices.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const interaction = getInteraction(user, parseIdParam(params.id));
  requireRecordWrite(user);
  const from = interactionFrom.parse(new URL(request.url).searchParams.get("from"));
  return json({
    formKey: newFormKey(),
    interaction,
    from,
    organizations: pickerChoices("organizations", [interaction.organizationId]),
    people: pickerChoices("people", [interaction.personId]),
  });
}

export const action = (args: ActionFunctionArgs) =>
  editAction(args, {
    find: getInteraction,
    schema: interactionInput,
    referenceErrors: (data) => Object.fromEntries(missingLinks(data).map((field) => [field, ["invalidChoice"]])),
    save: ({ user, id, version, data }, ctx) => updateInteraction(user, id, version, data, ctx),
    // Back where the edit was opened from (the organization's or the person's page).
    redirectTo: ({ data, formData }) => interactionReturnPath(interactionFrom.parse(formData.get("from")), data),
  });

export default function EditInteraction() {
  const { interaction, from, organizations, people } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useI18n();
  const stale = actionData && "stale" in actionData ? actionData.stale : undefined;
  return (
    <section>
      <h1>{t("interactions.editTitle")}</h1>
      {stale ? (
        <dl className="details stale-values" aria-label={t("errors.staleVersion")}>
          <div><dt>{t("interactions.kind")}</dt><dd>{enumLabel(t, "interactionKind", stale.kind)}</dd></div>
          <div><dt>{t("interactions.occurredOn")}</dt><dd>{date(stale.occurredOn)}</dd></div>
          <div><dt>{t("interactions.subject")}</dt><dd>{stale.subject}</dd></div>
          <div><dt>{t("interactions.body")}</dt><dd>{stale.body ?? t("common.none")}</dd></div>
        </dl>
      ) : null}
      <InteractionForm
        key={stale?.version ?? interaction.version}
        defaults={interaction}
        organizations={organizations}
        people={people}
        from={from}
        values={actionData?.values}
        errors={actionData?.errors}
        version={stale?.version ?? interaction.version}
        notice={stale ? "errors.staleVersion" : undefined}
        cancelTo={interactionReturnPath(from, interaction)}
      />
    </section>
  );
}
