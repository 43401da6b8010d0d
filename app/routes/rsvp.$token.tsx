import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { notFound } from "#app/auth/access.server.ts";
import { errorText } from "#app/components/Field.tsx";
import { doorCodeOf, MAX_ATTENDEES, rsvpAnswers, rsvpInput, splitList } from "#app/domain/invitation.ts";
import { formatLongDate, makeTranslate, type MessageKey } from "#app/i18n/i18n.ts";
import { parseForm, valueOf, type FieldErrors, type FormValues } from "#app/lib/forms.ts";
import { clientIp } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { appBaseUrl } from "#app/env.server.ts";
import { answerInvitation, composeConfirmation, confirmPromoted, findByToken, qrDataUrl, rsvpUrl, type RsvpView } from "#app/models/invitations.server.ts";
import { sendMail } from "#app/models/mailer.server.ts";

// The invitee's page (issue 21): no sign-in, the personal link is the key. A made-up token, or one
// whose event is over, is a plain 404 that says nothing about any event.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.event.title} · BCRM` : "BCRM" },
  // A personal page: not for search engines, and its address is not sent on to other sites.
  { name: "robots", content: "noindex, nofollow" },
  { name: "referrer", content: "no-referrer" },
];

function viewOr404(token: string | undefined): RsvpView {
  const view = token ? findByToken(token) : null;
  if (!view) throw notFound();
  return view;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const view = viewOr404(params.token);
  const { invitation: i, event, settings, canChange } = view;
  const confirmed = i.answer === "yes" && !i.waitlisted;
  return json(
    {
      locale: i.locale,
      name: i.name,
      event: { title: event.title, startsOn: event.startsOn, endsOn: event.endsOn, place: event.place },
      answer: { answer: i.answer, attendees: i.attendees, interpretation: splitList(i.interpretation), accessibility: i.accessibility, note: i.note, waitlisted: i.waitlisted },
      languages: splitList(settings.interpretationLanguages),
      deadline: settings.answerDeadline,
      canChange,
      doorCode: confirmed ? doorCodeOf(i.token) : null,
      qr: confirmed ? await qrDataUrl(rsvpUrl(appBaseUrl(request), i.token)) : null,
      isRefugee: i.refugeeContactId != null,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

type ActionData = { errors?: FieldErrors; values?: FormValues; error?: MessageKey; saved?: boolean; waitlisted?: boolean };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const view = viewOr404(params.token);
  const formData = await readForm(request);
  const form = parseForm(rsvpInput, formData);
  if (!form.ok) return json<ActionData>({ errors: form.errors, values: form.values, error: "common.formHasErrors" }, { status: 400 });
  const result = answerInvitation(view, form.data, { ip: clientIp(context) });
  if (!result.ok) return json<ActionData>({ values: form.values, error: `invitations.rsvp.${result.reason}` as MessageKey }, { status: result.reason === "invalidLanguage" ? 400 : 409 });
  if (result.confirm && !result.waitlisted && view.invitation.email) {
    const message = await composeConfirmation(view.invitation, view.event, appBaseUrl(request));
    await sendMail({ userId: null, to: view.invitation.email, toName: view.invitation.name, ...message, kind: "event_confirmation" });
  }
  await confirmPromoted(result.promoted, view.event.id, appBaseUrl(request));
  return json<ActionData>({ saved: true, waitlisted: result.waitlisted });
}

export default function Rsvp() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // The invitee's language, whatever the browser's cookie says.
  const t = makeTranslate(data.locale);
  const values = actionData?.values;
  const current = (field: string, stored: string | null | undefined) => valueOf(values, field) ?? stored ?? "";
  const chosenAnswer = current("answer", data.answer.answer);
  const chosenLanguages = values ? [values.interpretation ?? []].flat() : data.answer.interpretation;
  const errors = actionData?.errors ?? {};
  const fieldError = (name: string) =>
    errors[name]?.length ? (
      <ul id={`rsvp-${name}-errors`} className="field-errors">
        {errors[name]!.map((e) => (
          <li key={e}>{errorText(t, e)}</li>
        ))}
      </ul>
    ) : null;
  const when = formatLongDate(data.locale, data.event.startsOn) + (data.event.endsOn && data.event.endsOn !== data.event.startsOn ? ` – ${formatLongDate(data.locale, data.event.endsOn)}` : "");
  return (
    <article lang={data.locale} className="rsvp-page">
      <h1>{data.event.title}</h1>
      <p>
        {when}
        {data.event.place ? ` · ${data.event.place}` : ""}
      </p>
      <p>{t("invitations.rsvp.greeting", { name: data.name })}</p>
      {actionData?.saved ? (
        <p role="status" className="flash">
          {t(actionData.waitlisted ? "invitations.rsvp.savedWaitlisted" : "invitations.rsvp.saved")}
        </p>
      ) : null}
      {actionData?.error ? (
        <p role="alert" className="form-error">
          {t(actionData.error)}
        </p>
      ) : null}
      {data.answer.answer ? (
        <p>
          {t("invitations.rsvp.current", { answer: t(`invitations.answer.${data.answer.answer}` as MessageKey) })}
          {data.answer.waitlisted ? ` ${t("invitations.rsvp.onWaitingList")}` : ""}
        </p>
      ) : null}
      {data.qr && data.doorCode ? (
        <figure className="rsvp-qr">
          <img src={data.qr} width={220} height={220} alt={t("invitations.qrAlt")} />
          <figcaption>{t("invitations.doorCode", { code: data.doorCode })}</figcaption>
        </figure>
      ) : null}
      {data.canChange ? (
        <Form method="post" noValidate className="record-form rsvp-form">
          <fieldset aria-describedby={errors.answer?.length ? "rsvp-answer-errors" : undefined}>
            <legend>{t("invitations.rsvp.question")}</legend>
            {rsvpAnswers.map((a) => (
              <label key={a} className="choice">
                <input type="radio" name="answer" value={a} defaultChecked={chosenAnswer === a} /> {t(`invitations.rsvp.answer.${a}` as MessageKey)}
              </label>
            ))}
            {fieldError("answer")}
          </fieldset>
          <div className="field">
            <label htmlFor="rsvp-attendees">{t("invitations.rsvp.attendees")}</label>
            <input id="rsvp-attendees" name="attendees" type="number" inputMode="numeric" min={1} max={MAX_ATTENDEES} defaultValue={current("attendees", String(data.answer.attendees))} />
            {fieldError("attendees")}
          </div>
          {data.languages.length ? (
            <fieldset>
              <legend>{t("invitations.rsvp.interpretation")}</legend>
              {data.languages.map((l) => (
                <label key={l} className="choice">
                  <input type="checkbox" name="interpretation" value={l} defaultChecked={chosenLanguages.includes(l)} /> {l}
                </label>
              ))}
            </fieldset>
          ) : null}
          <div className="field">
            <label htmlFor="rsvp-accessibility">{t("invitations.rsvp.accessibility")}</label>
            <textarea id="rsvp-accessibility" name="accessibility" rows={2} defaultValue={current("accessibility", data.answer.accessibility)} />
            {fieldError("accessibility")}
          </div>
          <div className="field">
            <label htmlFor="rsvp-note">{t("invitations.rsvp.note")}</label>
            <textarea id="rsvp-note" name="note" rows={3} defaultValue={current("note", data.answer.note)} />
            {fieldError("note")}
          </div>
          <button type="submit">{t("invitations.rsvp.submit")}</button>
          {data.deadline ? <p className="hint">{t("invitations.rsvp.deadline", { date: formatLongDate(data.locale, data.deadline) })}</p> : null}
        </Form>
      ) : (
        <p>{t("invitations.rsvp.closed")}</p>
      )}
      <section className="rsvp-privacy" aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">{t("invitations.rsvp.privacyTitle")}</h2>
        <p>{t("invitations.rsvp.privacy")}</p>
        {data.isRefugee ? <p>{t("invitations.rsvp.privacyRefugee")}</p> : null}
      </section>
    </article>
  );
}
