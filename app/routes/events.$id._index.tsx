import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { can, requireCapability, requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { ChangeHistory } from "#app/components/ChangeHistory.tsx";
import { SelectField } from "#app/components/Field.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { DetailRows, IntentButton, RecordHeading } from "#app/components/RecordPage.tsx";
import { RecordPicker } from "#app/components/RecordPicker.tsx";
import { participantRoles } from "#app/domain/enums.ts";
import { organizationParticipantInput, personParticipantInput } from "#app/domain/event.ts";
import { idParam } from "#app/domain/fields.ts";
import { enumLabel, type MessageKey } from "#app/i18n/i18n.ts";
import { parseForm, type FieldErrors, type FormValues } from "#app/lib/forms.ts";
import { clientIp, parseIdParam, redirectWithFlash } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { changeHistoryOf } from "#app/models/audit-view.server.ts";
import { commitmentsWhere } from "#app/models/commitments.server.ts";
import { addParticipant, deleteEvent, getEvent, participantsOf, removeParticipant } from "#app/models/events.server.ts";
import { pickerChoices } from "#app/models/link-choices.server.ts";
import { EventRefugeeParticipants } from "#app/components/EventRefugeeParticipants.tsx";
import { eventRefugeeParticipants } from "#app/models/refugees.server.ts";
import { ORG_SECTION_LIMIT } from "#app/domain/organization-sections.ts";
import { InvitationFunnel } from "#app/components/InvitationFunnel.tsx";
import { canManageInvitations } from "#app/auth/access.server.ts";
import { funnelOf, needsOf } from "#app/models/invitations.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.event.title} · BCRM Partners` : "BCRM Partners" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = getEvent(user, parseIdParam(params.id));
  const canEdit = can(user, "writeRecords");
  return json({
    event,
    canEdit,
    canDelete: can(user, "hardDelete"),
    participants: participantsOf(event.id),
    commitments: commitmentsWhere(user, { eventId: event.id }),
    // Choices for the add-participant forms, only for those who may add: the first ones by name,
    // the rest through the pickers' search (300,000 people do not fit in a select).
    organizations: canEdit ? pickerChoices("organizations") : [],
    people: canEdit ? pickerChoices("people") : [],
    history: changeHistoryOf(user, "event", event.id),
    // Refugee participants: computed for staff only (null for anyone else), issue 6.
    refugeeParticipants: eventRefugeeParticipants(user, event.id),
    // Issue 21: the invitation funnel for staff; the invitation pages for those who run events.
    invitationFunnel: funnelOf(event.id),
    invitationNeeds: needsOf(event.id),
    canInvite: canManageInvitations(user),
  });
}

const INTENT = {
  addOrganization: "addOrganization",
  addPerson: "addPerson",
  removeParticipant: "removeParticipant",
  delete: "delete",
} as const;

type ActionData = { intent?: string; error?: MessageKey; references?: Record<string, number>; errors?: FieldErrors; values?: FormValues };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  getEvent(user, id); // 404 before anything else if out of reach
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const ctx = { ip: clientIp(context) };

  if (intent === INTENT.delete) {
    requireCapability(user, "hardDelete");
    const result = deleteEvent(user, id, ctx);
    if (!result.ok) return json<ActionData>({ intent, error: "events.deleteReferenced", references: result.references }, { status: 409 });
    return redirectWithFlash("/events", "events.deletedToast");
  }
  requireRecordWrite(user);
  if (intent === INTENT.addOrganization || intent === INTENT.addPerson) {
    const form = parseForm(intent === INTENT.addOrganization ? organizationParticipantInput : personParticipantInput, formData);
    if (!form.ok) return json<ActionData>({ intent, errors: form.errors, values: form.values }, { status: 400 });
    const result = addParticipant(user, id, form.data, ctx);
    if (!result.ok) return json<ActionData>({ intent, errors: { [result.field]: [result.error] }, values: form.values }, { status: 400 });
    return redirectWithFlash(`/events/${id}`, "events.participantAdded");
  }
  if (intent === INTENT.removeParticipant) {
    const participantId = idParam.safeParse(formData.get("participantId"));
    const result = participantId.success ? removeParticipant(user, id, participantId.data, ctx) : null;
    if (!result?.ok) return json<ActionData>({ intent, error: "errors.invalid" }, { status: 400 });
    return redirectWithFlash(`/events/${id}`, "events.participantRemoved");
  }
  return json<ActionData>({ error: "errors.invalid" }, { status: 400 });
}

export default function EventDetail() {
  const { event: e, canEdit, canDelete, participants, commitments, organizations, people, history, refugeeParticipants, invitationFunnel, invitationNeeds, canInvite } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date, dateTime } = useI18n();
  const rows: Array<[MessageKey, string | null]> = [
    ["events.kind", enumLabel(t, "eventKind", e.kind)],
    ["events.series", e.series],
    ["events.startsOn", date(e.startsOn)],
    ["events.endsOn", e.endsOn ? date(e.endsOn) : null],
    ["events.place", e.place],
    ["events.oblast", e.oblast ? enumLabel(t, "oblast", e.oblast) : null],
    ["common.updated", dateTime(e.updatedAt)],
  ];
  const references = actionData?.references
    ? Object.entries(actionData.references)
        .filter(([, count]) => count > 0)
        .map(([kind, count]) => t(`events.ref.${kind}` as MessageKey, { count }))
        .join(", ")
    : "";
  const roleChoices = participantRoles.map((r) => ({ value: r, label: enumLabel(t, "participantRole", r) }));
  const formState = (intent: string) => (actionData?.intent === intent ? { values: actionData.values, errors: actionData.errors } : {});
  return (
    <article>
      <RecordHeading title={e.title} editTo={canEdit ? `/events/${e.id}/edit` : null}>
        {canDelete ? (
          <IntentButton intent={INTENT.delete} label={t("events.delete")} className="danger" title={t("events.deleteConfirm")} />
        ) : null}
      </RecordHeading>
      {actionData?.error ? <p role="alert" className="form-error">{t(actionData.error, { references })}</p> : null}
      {e.kind === "national_forum" ? (
        <p>
          <Link to={`/events/${e.id}/review`} className="button">{t("review.link")}</Link>
        </p>
      ) : null}
      <h2>{t("events.details")}</h2>
      <dl className="details">
        <DetailRows rows={rows} />
      </dl>
      {e.description ? (
        <>
          <h2>{t("events.description")}</h2>
          <p className="prewrap">{e.description}</p>
        </>
      ) : null}

      {canInvite ? (
        <p>
          <Link to={`/events/${e.id}/invitations`}>{t("invitations.eventLink")}</Link>
        </p>
      ) : null}
      {invitationFunnel.invited || invitationFunnel.walkIns ? <InvitationFunnel funnel={invitationFunnel} needs={invitationNeeds} /> : null}

      <section className="record-section" aria-labelledby="participants-heading">
        <h2 id="participants-heading">{t("events.participants")}</h2>
        {participants.length ? (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("events.participant")}</th>
                <th scope="col">{t("events.role")}</th>
                {canEdit ? <th scope="col">{t("common.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {participants.map((p) => (
                <tr key={p.id}>
                  <td>
                    {p.organizationId ? (
                      <Link to={`/organizations/${p.organizationId}`}>{p.organizationName}</Link>
                    ) : (
                      <Link to={`/people/${p.personId}`}>{p.personName}</Link>
                    )}
                  </td>
                  <td>{enumLabel(t, "participantRole", p.role)}</td>
                  {canEdit ? (
                    <td>
                      <Form method="post">
                        <input type="hidden" name="participantId" value={p.id} />
                        <button type="submit" name="intent" value={INTENT.removeParticipant}>{t("events.removeParticipant")}</button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="empty">{t("events.noParticipants")}</p>
        )}
        {canEdit ? (
          <div className="inline-forms">
            <Form method="post" className="inline-form" noValidate>
              <RecordPicker
                kind="organizations"
                name="organizationId"
                label="people.organization"
                emptyLabel=""
                choices={organizations}
                {...formState(INTENT.addOrganization)}
              />
              <SelectField name="organizationRole" label="events.role" defaultValue="participant" choices={roleChoices} {...formState(INTENT.addOrganization)} />
              <button type="submit" name="intent" value={INTENT.addOrganization}>{t("events.addOrganization")}</button>
            </Form>
            <Form method="post" className="inline-form" noValidate>
              <RecordPicker
                kind="people"
                name="personId"
                label="interactions.person"
                emptyLabel=""
                choices={people}
                {...formState(INTENT.addPerson)}
              />
              <SelectField name="personRole" label="events.role" defaultValue="participant" choices={roleChoices} {...formState(INTENT.addPerson)} />
              <button type="submit" name="intent" value={INTENT.addPerson}>{t("events.addPerson")}</button>
            </Form>
          </div>
        ) : null}
      </section>

      <EventRefugeeParticipants data={refugeeParticipants} redirectTo={`/events/${e.id}`} />

      <section className="record-section" aria-labelledby="commitments-heading">
        <h2 id="commitments-heading">{t("events.commitments")}</h2>
        {commitments.length ? (
          <ul className="record-list">
            {commitments.slice(0, ORG_SECTION_LIMIT).map((c) => (
              <li key={c.id}>
                <Link to={`/commitments/${c.id}`}>{c.title}</Link> · {t("events.commitmentBy", { organization: c.leadName })} ·{" "}
                {enumLabel(t, "commitmentStatus", c.status)}
                {c.dueOn ? <> · {date(c.dueOn)}</> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("events.noCommitments")}</p>
        )}
        {commitments.length > ORG_SECTION_LIMIT ? (
          <p>
            <Link to={`/commitments?event=${e.id}`}>{t("commitments.orgSection.all", { count: ORG_SECTION_LIMIT })}</Link>
          </p>
        ) : null}
      </section>
      <ChangeHistory title="events.history" entries={history} />
    </article>
  );
}
