import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { InteractionForm } from "#app/components/InteractionForm.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { versionField } from "#app/domain/fields.ts";
import { interactionFrom, interactionInput, interactionReturnPath } from "#app/domain/interaction.ts";
import { enumLabel } from "#app/i18n/i18n.ts";
import { parseForm } from "#app/lib/forms.ts";
import { invalidForm, newFormKey, parseIdParam, redirectWithFlash, writeContext } from "#app/lib/http.server.ts";
import { readForm } from "#app/lib/read-form.server.ts";
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

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  getInteraction(user, id);
  requireRecordWrite(user);
  const formData = await readForm(request);
  const version = versionField.safeParse(formData.get("version"));
  const form = parseForm(interactionInput, formData);
  if (!form.ok || !version.success) return invalidForm(form.ok ? { version: ["invalid"] } : form.errors, form.values);
  const missing = missingLinks(form.data);
  if (missing.length) return invalidForm(Object.fromEntries(missing.map((field) => [field, ["invalidChoice"]])), form.values);
  const result = updateInteraction(user, id, version.data, form.data, writeContext(context, formData));
  if (!result.ok) return json({ errors: {}, values: form.values, stale: result.current }, { status: 409 });
  return redirectWithFlash(interactionReturnPath(interactionFrom.parse(formData.get("from")), form.data), "common.saved");
}

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
