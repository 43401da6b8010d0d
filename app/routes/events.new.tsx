import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { EventForm } from "#app/components/EventForm.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { eventInput, firstParticipantInput } from "#app/domain/event.ts";
import { optionalId } from "#app/domain/fields.ts";
import { parseForm } from "#app/lib/forms.ts";
import { invalidForm, newFormKey, redirectWithFlash, writeContext } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { createEvent } from "#app/models/events.server.ts";
import { organizationById } from "#app/models/organization-lookup.server.ts";

/** The organization an event is created from (its page's "add" link), if it exists. */
function organizationFrom(id: unknown) {
  const parsed = optionalId.safeParse(id ?? undefined);
  if (!parsed.success || !parsed.data) return null;
  return organizationById(parsed.data);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireRecordWrite(user);
  const organization = organizationFrom(new URL(request.url).searchParams.get("organizationId"));
  return json({ formKey: newFormKey(), firstParticipant: organization ? { organizationId: organization.id, name: organization.name } : null });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireRecordWrite(user);
  const formData = await readForm(request);
  const form = parseForm(eventInput, formData);
  const first = parseForm(firstParticipantInput, formData);
  if (!form.ok || !first.ok) return invalidForm({ ...(form.ok ? {} : form.errors), ...(first.ok ? {} : first.errors) }, form.values);
  const organization = organizationFrom(first.data.participantOrganizationId);
  if (first.data.participantOrganizationId && !organization) return invalidForm({ participantRole: ["invalidChoice"] }, form.values);
  const id = createEvent(
    user,
    form.data,
    writeContext(context, formData),
    organization ? { organizationId: organization.id, role: first.data.participantRole } : null,
  );
  return redirectWithFlash(`/events/${id}`, "common.created.toast");
}

export default function NewEvent() {
  const { firstParticipant } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section>
      <h1>{t("events.new")}</h1>
      <EventForm
        firstParticipant={firstParticipant}
        cancelTo={firstParticipant ? `/organizations/${firstParticipant.organizationId}` : "/events"}
        values={actionData?.values}
        errors={actionData?.errors}
      />
    </section>
  );
}
