import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { FollowUpForm } from "#app/components/FollowUpForm.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { optionalId } from "#app/domain/fields.ts";
import { followUpInput, followUpPrefillKeys } from "#app/domain/followUp.ts";
import { addDays, todayIso } from "#app/lib/calendar-day.ts";
import { parseForm } from "#app/lib/forms.ts";
import { invalidForm, newFormKey, redirectWithFlash, writeContext } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { followUpFormChoices } from "#app/models/follow-up-form.server.ts";
import { createFollowUp, followUpReferenceErrors, requireFollowUpRead } from "#app/models/follow-ups.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireFollowUpRead(user);
  requireRecordWrite(user);
  const url = new URL(request.url);
  // ?organizationId=&personId=&partnershipId=&commitmentId=&eventId= pre-fill the links.
  const prefill: Record<string, number | null> = {};
  for (const key of followUpPrefillKeys) {
    const parsed = optionalId.safeParse(url.searchParams.get(key) ?? undefined);
    prefill[key] = parsed.success ? parsed.data : null;
  }
  return json({ formKey: newFormKey(), choices: followUpFormChoices(prefill, user.locale), defaults: { ...prefill, assigneeId: user.id, dueOn: addDays(todayIso(), 7), status: "open" } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireFollowUpRead(user);
  requireRecordWrite(user);
  const formData = await readForm(request);
  const form = parseForm(followUpInput, formData);
  if (!form.ok) return invalidForm(form.errors, form.values);
  const refErrors = followUpReferenceErrors(form.data);
  if (Object.keys(refErrors).length) return invalidForm(refErrors, form.values);
  const id = createFollowUp(user, form.data, writeContext(context, formData));
  return redirectWithFlash(`/follow-ups/${id}`, "common.created.toast");
}

export default function NewFollowUp() {
  const { choices, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section>
      <h1>{t("followUps.new")}</h1>
      <FollowUpForm cancelTo="/follow-ups" choices={choices} defaults={defaults} values={actionData?.values} errors={actionData?.errors} />
    </section>
  );
}
