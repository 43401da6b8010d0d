import type { ReactNode } from "react";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { can, requireInvitationManagement, requireUser } from "#app/auth/access.server.ts";
import { DateField, SelectField, TextArea, TextField } from "#app/components/Field.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { InvitationFunnel } from "#app/components/InvitationFunnel.tsx";
import { RecordPicker } from "#app/components/RecordPicker.tsx";
import { locales, participantRoles } from "#app/domain/enums.ts";
import { idParam } from "#app/domain/fields.ts";
import {
  invitationSettingsInput,
  inviteGuestInput,
  inviteOrganizationInput,
  invitePeopleInput,
  invitePersonInput,
  inviteRefugeeInput,
} from "#app/domain/invitation.ts";
import { enumLabel, type MessageKey } from "#app/i18n/i18n.ts";
import { parseForm, type FieldErrors, type FormValues } from "#app/lib/forms.ts";
import { clientIp, parseIdParam } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { getEvent } from "#app/models/events.server.ts";
import {
  eventIsOver,
  funnelOf,
  invitationsOf,
  invitableRefugees,
  inviteGuest,
  inviteOrganization,
  invitePeopleByQuery,
  invitePerson,
  inviteRefugee,
  needsOf,
  queueReminders,
  queueSending,
  confirmPromoted,
  removeInvitation,
  resendInvitation,
  runInvitationSender,
  saveSettings,
  invitationSettings,
} from "#app/models/invitations.server.ts";
import { pickerChoices } from "#app/models/link-choices.server.ts";
import { appBaseUrl } from "#app/env.server.ts";

// The invitation list of one event (issue 21): who is invited, from people lists, organizations or
// one by one; the message per language; sending and reminders; the answers so far.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.event.title} · BCRM Partners` : "BCRM Partners" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireInvitationManagement(user);
  const event = getEvent(user, parseIdParam(params.id));
  const mayInviteRefugees = can(user, "writeRefugeeContacts");
  return json({
    event: { id: event.id, title: event.title, over: eventIsOver(event) },
    settings: invitationSettings(user, event.id),
    invitations: invitationsOf(user, event.id),
    funnel: funnelOf(event.id),
    needs: needsOf(event.id),
    organizations: pickerChoices("organizations"),
    people: pickerChoices("people"),
    refugees: mayInviteRefugees ? invitableRefugees(user) : null,
    canExport: can(user, "export"),
  });
}

type ActionData = { intent?: string; errors?: FieldErrors; values?: FormValues; error?: MessageKey; notice?: MessageKey; count?: number };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireInvitationManagement(user);
  const id = parseIdParam(params.id);
  getEvent(user, id);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const ctx = { ip: clientIp(context) };

  if (intent === "settings") {
    const form = parseForm(invitationSettingsInput, formData);
    if (!form.ok) return json<ActionData>({ intent, errors: form.errors, values: form.values, error: "common.formHasErrors" }, { status: 400 });
    const promoted = saveSettings(user, id, form.data, ctx);
    await confirmPromoted(promoted, id, appBaseUrl(request));
    return json<ActionData>({ intent, notice: promoted.length ? "invitations.settingsSavedPromoted" : "invitations.settingsSaved", count: promoted.length });
  }
  if (intent === "invitePeople" || intent === "inviteOrganization" || intent === "invitePerson" || intent === "inviteGuest") {
    const refused = (errors: FieldErrors, values: FormValues) => json<ActionData>({ intent, errors, values, error: "common.formHasErrors" }, { status: 400 });
    let result: { added: number } | null;
    if (intent === "invitePeople") {
      const form = parseForm(invitePeopleInput, formData);
      if (!form.ok) return refused(form.errors, form.values);
      result = invitePeopleByQuery(user, id, form.data, ctx);
    } else if (intent === "inviteOrganization") {
      const form = parseForm(inviteOrganizationInput, formData);
      if (!form.ok) return refused(form.errors, form.values);
      result = inviteOrganization(user, id, form.data, ctx);
    } else if (intent === "invitePerson") {
      const form = parseForm(invitePersonInput, formData);
      if (!form.ok) return refused(form.errors, form.values);
      result = invitePerson(user, id, form.data, ctx);
    } else {
      const form = parseForm(inviteGuestInput, formData);
      if (!form.ok) return refused(form.errors, form.values);
      result = inviteGuest(user, id, form.data, ctx);
    }
    if (!result) return json<ActionData>({ intent, error: "errors.invalidChoice" }, { status: 400 });
    return json<ActionData>({ intent, notice: "invitations.added", count: result.added });
  }
  if (intent === "inviteRefugee") {
    const form = parseForm(inviteRefugeeInput, formData);
    if (!form.ok) return json<ActionData>({ intent, errors: form.errors, values: form.values, error: "common.formHasErrors" }, { status: 400 });
    const result = inviteRefugee(user, id, form.data, ctx);
    if (!result.ok) return json<ActionData>({ intent, error: `invitations.refugee.${result.reason}` as MessageKey }, { status: 400 });
    return json<ActionData>({ intent, notice: "invitations.added", count: result.added });
  }
  if (intent === "send" || intent === "remind") {
    if (intent === "remind") queueReminders(user, id, ctx);
    else queueSending(user, id, ctx);
    const summary = await runInvitationSender(id, { appUrl: appBaseUrl(request) });
    return json<ActionData>({ intent, notice: summary.failed ? "invitations.sentWithFailures" : "invitations.sent", count: summary.sent });
  }
  if (intent === "remove" || intent === "resend") {
    const invitationId = idParam.safeParse(formData.get("invitationId"));
    if (!invitationId.success) return json<ActionData>({ intent, error: "errors.invalid" }, { status: 400 });
    if (intent === "resend") {
      if (!resendInvitation(user, id, invitationId.data, ctx)) return json<ActionData>({ intent, error: "errors.invalid" }, { status: 400 });
      return json<ActionData>({ intent, notice: "invitations.requeued" });
    }
    const promoted = removeInvitation(user, id, invitationId.data, ctx);
    if (!promoted) return json<ActionData>({ intent, error: "errors.invalid" }, { status: 400 });
    await confirmPromoted(promoted, id, appBaseUrl(request));
    return json<ActionData>({ intent, notice: promoted.length ? "invitations.removedPromoted" : "invitations.removed", count: promoted.length });
  }
  return json<ActionData>({ error: "errors.invalid" }, { status: 400 });
}

export default function EventInvitations() {
  const { event, settings, invitations, funnel, needs, organizations, people, refugees, canExport } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, dateTime } = useI18n();
  const formState = (intent: string) => (actionData?.intent === intent ? { values: actionData.values, errors: actionData.errors } : {});
  const localeChoices = locales.map((l) => ({ value: l, label: t(`invitations.locale.${l}` as MessageKey) }));
  const roleChoices = participantRoles.map((r) => ({ value: r, label: enumLabel(t, "participantRole", r) }));
  // The four ways of adding invitees share the language and role fields and the submit button.
  const inviteForm = (intent: string, button: MessageKey, fields: ReactNode) => (
    <Form method="post" className="inline-form" noValidate>
      {fields}
      <SelectField name="locale" id={`${intent}-locale`} label="invitations.language" defaultValue="bg" choices={localeChoices} {...formState(intent)} />
      <SelectField name="role" id={`${intent}-role`} label="events.role" defaultValue="participant" choices={roleChoices} {...formState(intent)} />
      <button type="submit" name="intent" value={intent}>
        {t(button)}
      </button>
    </Form>
  );
  const unsent = invitations.filter((i) => !i.walkIn && i.email && (i.sendState === "pending" || i.sendState === "failed")).length;
  const unanswered = invitations.filter((i) => i.sendState === "sent" && !i.answer).length;
  return (
    <article className="invitations-page">
      <h1>{t("invitations.title", { title: event.title })}</h1>
      <p className="page-links">
        <Link to={`/events/${event.id}`}>{t("invitations.backToEvent")}</Link> · <Link to={`/events/${event.id}/check-in`}>{t("invitations.checkInLink")}</Link> ·{" "}
        <Link to={`/events/${event.id}/attendance`}>{t("invitations.attendanceLink")}</Link>
        {canExport ? (
          <>
            {" "}
            · <a href={`/events/${event.id}/invitations/invitees.csv`}>{t("invitations.export.inviteesCsv")}</a> ·{" "}
            <a href={`/events/${event.id}/invitations/invitees.xlsx`}>{t("invitations.export.inviteesXlsx")}</a> ·{" "}
            <a href={`/events/${event.id}/invitations/attendance.csv`}>{t("invitations.export.attendanceCsv")}</a> ·{" "}
            <a href={`/events/${event.id}/invitations/attendance.xlsx`}>{t("invitations.export.attendanceXlsx")}</a>
          </>
        ) : null}
      </p>
      {actionData?.error ? (
        <p role="alert" className="form-error">
          {t(actionData.error)}
        </p>
      ) : null}
      {actionData?.notice ? (
        <p role="status" className="flash">
          {t(actionData.notice, { count: actionData.count ?? 0 })}
        </p>
      ) : null}
      {event.over ? <p className="empty">{t("invitations.eventOver")}</p> : null}

      <InvitationFunnel funnel={funnel} needs={needs} />

      <section className="record-section" aria-labelledby="send-heading">
        <h2 id="send-heading">{t("invitations.sending")}</h2>
        <p>{t("invitations.sendingIntro")}</p>
        <div className="inline-forms">
          <Form method="post">
            <button type="submit" name="intent" value="send" disabled={!unsent || event.over}>
              {t("invitations.send", { count: unsent })}
            </button>
          </Form>
          <Form method="post">
            <button type="submit" name="intent" value="remind" disabled={!unanswered || event.over}>
              {t("invitations.remind", { count: unanswered })}
            </button>
          </Form>
        </div>
      </section>

      <section className="record-section" aria-labelledby="add-heading">
        <h2 id="add-heading">{t("invitations.add")}</h2>
        <div className="inline-forms">
          {inviteForm(
            "invitePeople",
            "invitations.invitePeople",
            <TextField name="peopleQuery" label="invitations.peopleQuery" hint="invitations.peopleQueryHint" {...formState("invitePeople")} />,
          )}
          {inviteForm(
            "inviteOrganization",
            "invitations.inviteOrganization",
            <RecordPicker kind="organizations" name="organizationId" label="invitations.organization" emptyLabel="" choices={organizations} {...formState("inviteOrganization")} />,
          )}
          {inviteForm(
            "invitePerson",
            "invitations.invitePerson",
            <RecordPicker kind="people" name="personId" label="interactions.person" emptyLabel="" choices={people} {...formState("invitePerson")} />,
          )}
          {inviteForm(
            "inviteGuest",
            "invitations.inviteGuest",
            <>
              <TextField name="name" id="guest-name" label="invitations.name" {...formState("inviteGuest")} />
              <TextField name="email" id="guest-email" type="email" label="invitations.email" {...formState("inviteGuest")} />
              <TextField name="organizationName" id="guest-organization" label="invitations.organizationName" {...formState("inviteGuest")} />
            </>,
          )}
          {refugees ? (
            <Form method="post" className="inline-form" noValidate>
              <SelectField
                name="refugeeContactId"
                label="invitations.refugee"
                hint="invitations.refugeeHint"
                emptyLabel=""
                choices={refugees.map((r) => ({ value: String(r.id), label: r.name }))}
                {...formState("inviteRefugee")}
              />
              <SelectField name="locale" id="inviteRefugee-locale" label="invitations.language" defaultValue="bg" choices={localeChoices} {...formState("inviteRefugee")} />
              <button type="submit" name="intent" value="inviteRefugee">
                {t("invitations.inviteRefugee")}
              </button>
            </Form>
          ) : null}
        </div>
      </section>

      <section className="record-section" aria-labelledby="invitees-heading">
        <h2 id="invitees-heading">{t("invitations.invitees", { count: invitations.length })}</h2>
        {invitations.length ? (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("invitations.name")}</th>
                  <th scope="col">{t("invitations.email")}</th>
                  <th scope="col">{t("invitations.language")}</th>
                  <th scope="col">{t("invitations.sendState")}</th>
                  <th scope="col">{t("invitations.answer")}</th>
                  <th scope="col">{t("invitations.needs")}</th>
                  <th scope="col">{t("invitations.present")}</th>
                  <th scope="col">{t("common.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((i) => (
                  <tr key={i.id}>
                    <td>
                      {i.personId ? <Link to={`/people/${i.personId}`}>{i.name}</Link> : i.name}
                      {i.organizationName ? <small> · {i.organizationName}</small> : null}
                      {i.isRefugee ? <small> · {t("invitations.refugeeMark")}</small> : null}
                      {i.walkIn ? <small> · {t("invitations.walkInMark")}</small> : null}
                    </td>
                    <td>{i.email ?? t("invitations.noEmail")}</td>
                    <td>{t(`invitations.locale.${i.locale}` as MessageKey)}</td>
                    <td>
                      {i.walkIn ? "" : t(`invitations.state.${i.sendState}` as MessageKey)}
                      {i.sentAt ? <small> · {dateTime(i.sentAt)}</small> : null}
                      {i.reminderState ? <small> · {t(`invitations.reminderState.${i.reminderState}` as MessageKey)}</small> : null}
                    </td>
                    <td>
                      {i.answer ? t(`invitations.answer.${i.answer}` as MessageKey) : t("invitations.noAnswer")}
                      {i.answer === "yes" ? <small> · {t("invitations.attendeesCount", { count: i.attendees })}</small> : null}
                      {i.waitlisted ? <small> · {t("invitations.waitlisted")}</small> : null}
                    </td>
                    <td>
                      {[i.interpretation ? t("invitations.interpretationList", { list: i.interpretation.split(",").join(", ") }) : null, i.accessibility, i.note]
                        .filter(Boolean)
                        .join(" · ")}
                    </td>
                    <td>{i.checkedInAt ? dateTime(i.checkedInAt) : ""}</td>
                    <td>
                      <Form method="post" className="row-actions">
                        <input type="hidden" name="invitationId" value={i.id} />
                        {i.sendState === "sending" || (i.sendState === "failed" && i.email) ? (
                          <button type="submit" name="intent" value="resend" title={t("invitations.resendHint")}>
                            {t("invitations.resend")}
                          </button>
                        ) : null}
                        <button type="submit" name="intent" value="remove">
                          {t("invitations.remove")}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">{t("invitations.none")}</p>
        )}
      </section>

      <section className="record-section" aria-labelledby="settings-heading">
        <h2 id="settings-heading">{t("invitations.settings")}</h2>
        <Form method="post" noValidate className="record-form">
          <TextField name="capacity" label="invitations.capacity" hint="invitations.capacityHint" defaultValue={settings.capacity} {...formState("settings")} />
          <div className="field">
            <label>
              <input type="checkbox" name="waitingList" defaultChecked={settings.waitingList} /> {t("invitations.waitingList")}
            </label>
          </div>
          <DateField name="answerDeadline" label="invitations.answerDeadline" defaultValue={settings.answerDeadline} {...formState("settings")} />
          <TextField
            name="interpretationLanguages"
            label="invitations.interpretationLanguages"
            hint="invitations.interpretationLanguagesHint"
            defaultValue={settings.interpretationLanguages.split(",").filter(Boolean).join(", ")}
            {...formState("settings")}
          />
          <TextField name="subjectBg" label="invitations.subjectBg" defaultValue={settings.subjectBg} {...formState("settings")} />
          <TextArea name="bodyBg" label="invitations.bodyBg" defaultValue={settings.bodyBg} rows={6} {...formState("settings")} />
          <TextField name="subjectEn" label="invitations.subjectEn" defaultValue={settings.subjectEn} {...formState("settings")} />
          <TextArea name="bodyEn" label="invitations.bodyEn" defaultValue={settings.bodyEn} rows={6} {...formState("settings")} />
          <button type="submit" name="intent" value="settings">
            {t("invitations.saveSettings")}
          </button>
        </Form>
      </section>
    </article>
  );
}
