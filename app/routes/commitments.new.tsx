import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { CommitmentForm } from "#app/components/CommitmentForm.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { commitmentInput } from "#app/domain/commitment.ts";
import { optionalId } from "#app/domain/fields.ts";
import { parseForm } from "#app/lib/forms.ts";
import { invalidForm, newFormKey, redirectWithFlash, writeContext } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { commitmentFormChoices } from "#app/models/commitment-form.server.ts";
import { commitmentReferenceErrors, createCommitment, requireCommitmentRead } from "#app/models/commitments.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCommitmentRead(user);
  requireRecordWrite(user);
  const url = new URL(request.url);
  // Pre-filled from the page the user came from (an organization, partnership or event).
  const prefill = (key: string) => {
    const parsed = optionalId.safeParse(url.searchParams.get(key) ?? undefined);
    return parsed.success ? parsed.data : null;
  };
  const choices = commitmentFormChoices([prefill("organizationId")], user.locale);
  const ownerId = choices.owners.some((o) => o.id === user.id) ? user.id : null;
  return json({
    formKey: newFormKey(),
    choices,
    defaults: {
      leadOrganizationId: prefill("organizationId"),
      partnershipId: prefill("partnershipId"),
      eventId: prefill("eventId"),
      ownerId,
    },
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCommitmentRead(user);
  requireRecordWrite(user);
  const formData = await readForm(request);
  const form = parseForm(commitmentInput, formData);
  if (!form.ok) return invalidForm(form.errors, form.values);
  const refErrors = commitmentReferenceErrors(form.data);
  if (Object.keys(refErrors).length) return invalidForm(refErrors, form.values);
  const id = createCommitment(user, form.data, writeContext(context, formData));
  return redirectWithFlash(`/commitments/${id}`, "common.created.toast");
}

export default function NewCommitment() {
  const { choices, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section>
      <h1>{t("commitments.new")}</h1>
      <CommitmentForm cancelTo="/commitments" choices={choices} defaults={defaults} values={actionData?.values} errors={actionData?.errors} />
    </section>
  );
}
