import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { InteractionForm } from "#app/components/InteractionForm.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { optionalId } from "#app/domain/fields.ts";
import { interactionFrom, interactionInput, interactionReturnPath } from "#app/domain/interaction.ts";
import { parseForm } from "#app/lib/forms.ts";
import { invalidForm, newFormKey, redirectWithFlash, writeContext } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { createInteraction, missingLinks } from "#app/models/interactions.server.ts";
import { pickerChoices } from "#app/models/link-choices.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireRecordWrite(user);
  // Logged from an organization's or a person's page: those are chosen already.
  const search = new URL(request.url).searchParams;
  const idFrom = (key: string) => {
    const parsed = optionalId.safeParse(search.get(key) ?? undefined);
    return parsed.success ? parsed.data : null;
  };
  const link = { organizationId: idFrom("organizationId"), personId: idFrom("personId") };
  const missing = missingLinks(link);
  const prefill = {
    organizationId: missing.includes("organizationId") ? null : link.organizationId,
    personId: missing.includes("personId") ? null : link.personId,
  };
  return json({
    formKey: newFormKey(),
    prefill,
    from: prefill.personId ? ("person" as const) : ("organization" as const),
    today: new Date().toISOString().slice(0, 10),
    organizations: pickerChoices("organizations", [prefill.organizationId]),
    people: pickerChoices("people", [prefill.personId]),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireRecordWrite(user);
  const formData = await readForm(request);
  const form = parseForm(interactionInput, formData);
  if (!form.ok) return invalidForm(form.errors, form.values);
  const missing = missingLinks(form.data);
  if (missing.length) return invalidForm(Object.fromEntries(missing.map((field) => [field, ["invalidChoice"]])), form.values);
  createInteraction(user, form.data, writeContext(context, formData));
  return redirectWithFlash(interactionReturnPath(interactionFrom.parse(formData.get("from")), form.data), "interactions.loggedToast");
}

export default function NewInteraction() {
  const { prefill, from, today, organizations, people } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const cancelTo = prefill.personId && from === "person" ? `/people/${prefill.personId}` : prefill.organizationId ? `/organizations/${prefill.organizationId}` : "/";
  return (
    <section>
      <h1>{t("interactions.new")}</h1>
      <InteractionForm
        defaults={{ kind: "meeting", occurredOn: today, ...prefill }}
        organizations={organizations}
        people={people}
        from={from}
        cancelTo={cancelTo}
        values={actionData?.values}
        errors={actionData?.errors}
      />
    </section>
  );
}
