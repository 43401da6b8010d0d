import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCapability, requireUser } from "#app/auth/access.server.ts";
import { EventRefugeeParticipants, type EventRefugeeActionData } from "#app/components/EventRefugeeParticipants.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { idParam } from "#app/domain/fields.ts";
import { participationInput } from "#app/domain/refugee.ts";
import { enumLabel, makeTranslate } from "#app/i18n/i18n.ts";
import { parseForm } from "#app/lib/forms.ts";
import { clientIp, parseIdParam, redirectWithFlash, safeRedirectPath } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import {
  addEventRefugeeParticipant,
  eventRefugeeParticipants,
  eventTitleFor,
  removeEventRefugeeParticipant,
} from "#app/models/refugees.server.ts";

// Refugee participants of one event (staff only): the page behind the event page's section,
// and the action that adds (with a consent check) or removes them.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  const event = eventTitleFor(user, id);
  return json({ event, refugeeParticipants: eventRefugeeParticipants(user, id) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  eventTitleFor(user, id); // partners: 404, before anything is read from the form
  requireCapability(user, "writeRefugeeContacts");
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const ctx = { ip: clientIp(context) };
  const back = safeRedirectPath(formData.get("redirectTo"), `/events/${id}/refugees`);

  if (intent === "add") {
    const form = parseForm(participationInput, formData);
    if (!form.ok) return json<EventRefugeeActionData>({ intent, errors: form.errors, error: "common.formHasErrors" }, { status: 400 });
    const result = addEventRefugeeParticipant(user, id, form.data, ctx);
    if (!result.ok) {
      const t = makeTranslate(user.locale);
      if (result.reason === "noConsent") {
        const purposes = result.missing.map((p) => enumLabel(t, "consentPurpose", p)).join(", ");
        return json<EventRefugeeActionData>(
          { intent, error: "refugees.participants.noConsent", message: t("refugees.participants.noConsent", { purposes }) },
          { status: 400 },
        );
      }
      const error = result.reason === "erased" ? "refugees.participants.erased" : "refugees.participants.alreadyParticipant";
      return json<EventRefugeeActionData>({ intent, error, message: t(error) }, { status: result.reason === "erased" ? 400 : 409 });
    }
    return redirectWithFlash(back, "refugees.participants.addedToast");
  }

  if (intent === "remove") {
    const participantId = idParam.safeParse(formData.get("participantId"));
    if (!participantId.success || !removeEventRefugeeParticipant(user, id, participantId.data, ctx)) {
      return json<EventRefugeeActionData>({ intent, error: "refugees.participants.notFound" }, { status: 404 });
    }
    return redirectWithFlash(back, "refugees.participants.removedToast");
  }

  return json<EventRefugeeActionData>({ error: "errors.invalid" }, { status: 400 });
}

export default function EventRefugeesPage() {
  const { event, refugeeParticipants } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <section>
      <h1>{t("refugees.participants.pageTitle", { title: event.title })}</h1>
      <p>
        <Link to={`/events/${event.id}`}>{t("refugees.participants.backToEvent")}</Link>
      </p>
      <EventRefugeeParticipants data={refugeeParticipants} redirectTo={`/events/${event.id}/refugees`} />
    </section>
  );
}
