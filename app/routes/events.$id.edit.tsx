import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { EventForm } from "#app/components/EventForm.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { eventInput } from "#app/domain/event.ts";
import { enumLabel } from "#app/i18n/i18n.ts";
import { newFormKey, parseIdParam } from "#app/server/http.server.ts";
import { editAction } from "#app/server/edit-action.server.ts";
import { getEvent, updateEvent } from "#app/models/events.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = getEvent(user, parseIdParam(params.id));
  requireRecordWrite(user);
  return json({ formKey: newFormKey(), event });
}

export const action = (args: ActionFunctionArgs) =>
  editAction(args, {
    find: getEvent,
    schema: eventInput,
    save: ({ user, id, version, data }, ctx) => updateEvent(user, id, version, data, ctx),
    redirectTo: ({ id }) => `/events/${id}`,
  });

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
