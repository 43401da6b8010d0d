import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { EventForm } from "#app/components/EventForm.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { eventInput } from "#app/domain/event.ts";
import { versionField } from "#app/domain/fields.ts";
import { enumLabel } from "#app/i18n/i18n.ts";
import { parseForm } from "#app/lib/forms.ts";
import { invalidForm, newFormKey, parseIdParam, redirectWithFlash, writeContext } from "#app/lib/http.server.ts";
import { readForm } from "#app/lib/read-form.server.ts";
import { getEvent, updateEvent } from "#app/models/events.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = getEvent(user, parseIdParam(params.id));
  requireRecordWrite(user);
  return json({ formKey: newFormKey(), event });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  getEvent(user, id);
  requireRecordWrite(user);
  const formData = await readForm(request);
  const version = versionField.safeParse(formData.get("version"));
  const form = parseForm(eventInput, formData);
  if (!form.ok || !version.success) return invalidForm(form.ok ? { version: ["invalid"] } : form.errors, form.values);
  const result = updateEvent(user, id, version.data, form.data, writeContext(context, formData));
  if (!result.ok) return json({ errors: {}, values: form.values, stale: result.current }, { status: 409 });
  return redirectWithFlash(`/events/${id}`, "common.saved");
}

export default function EditEvent() {
  const { event } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useI18n();
  const stale = actionData && "stale" in actionData ? actionData.stale : undefined;
  return (
    <section>
      <h1>{t("events.editTitle", { title: event.title })}</h1>
      {stale ? (
        <dl className="details stale-values" aria-label={t("errors.staleVersion")}>
          <div><dt>{t("events.eventTitle")}</dt><dd>{stale.title}</dd></div>
          <div><dt>{t("events.kind")}</dt><dd>{enumLabel(t, "eventKind", stale.kind)}</dd></div>
          <div><dt>{t("events.startsOn")}</dt><dd>{date(stale.startsOn)}</dd></div>
          <div><dt>{t("events.endsOn")}</dt><dd>{stale.endsOn ? date(stale.endsOn) : t("common.none")}</dd></div>
          <div><dt>{t("events.place")}</dt><dd>{stale.place ?? t("common.none")}</dd></div>
        </dl>
      ) : null}
      <EventForm
        key={stale?.version ?? event.version}
        defaults={event}
        values={actionData?.values}
        errors={actionData?.errors}
        version={stale?.version ?? event.version}
        notice={stale ? "errors.staleVersion" : undefined}
        cancelTo={`/events/${event.id}`}
      />
    </section>
  );
}
