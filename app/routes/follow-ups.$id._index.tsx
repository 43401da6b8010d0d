import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { can, canCloseFollowUp, requireCapability, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { IntentButton, RecordHeading } from "#app/components/RecordPage.tsx";
import { ChangeHistory } from "#app/components/ChangeHistory.tsx";
import { versionField } from "#app/domain/fields.ts";
import { enumLabel, type MessageKey } from "#app/i18n/i18n.ts";
import { clientIp, parseIdParam, redirectWithFlash } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { changeHistoryOf } from "#app/models/audit-view.server.ts";
import { addFollowUpNote, deleteFollowUp, getFollowUp, getFollowUpDetail, markFollowUpDone } from "#app/models/follow-ups.server.ts";
import { followUpNoteInput } from "#app/domain/followUp.ts";
import { parseForm } from "#app/lib/forms.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.followUp.title} · BCRM Partners` : "BCRM Partners" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const detail = getFollowUpDetail(user, parseIdParam(params.id));
  return json({
    ...detail,
    history: changeHistoryOf(user, "follow_up", detail.followUp.id),
    canEdit: can(user, "writeRecords"),
    canClose: canCloseFollowUp(user, detail.followUp),
    canDelete: can(user, "hardDelete"),
  });
}

const INTENT = { done: "done", note: "note", delete: "delete" } as const;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  getFollowUp(user, id); // 404 before anything else if out of reach
  const form = await readForm(request);
  const intent = form.get("intent");
  const ctx = { ip: clientIp(context) };
  if (intent === INTENT.delete) {
    requireCapability(user, "hardDelete");
    deleteFollowUp(user, id, ctx);
    return redirectWithFlash("/follow-ups", "followUps.deleted");
  }
  if (intent === INTENT.note) {
    // The rule (assignee or writer) is checked in addFollowUpNote.
    const parsed = parseForm(followUpNoteInput, form);
    if (!parsed.ok) return json({ error: "errors.invalid" as MessageKey, errors: parsed.errors }, { status: 400 });
    const result = addFollowUpNote(user, id, parsed.data.version, parsed.data.note, ctx);
    if (!result.ok) return json({ error: "errors.staleVersion" as MessageKey }, { status: 409 });
    return redirectWithFlash(`/follow-ups/${id}`, "followUps.noteAdded");
  }
  const version = versionField.safeParse(form.get("version"));
  if (intent !== INTENT.done || !version.success) return json({ error: "errors.invalid" as MessageKey }, { status: 400 });
  const result = markFollowUpDone(user, id, version.data, ctx);
  if (!result.ok) return json({ error: "errors.staleVersion" as MessageKey }, { status: 409 });
  return redirectWithFlash(`/follow-ups/${id}`, "followUps.markedDone");
}

export default function FollowUpDetail() {
  const d = useLoaderData<typeof loader>();
  const f = d.followUp;
  const actionData = useActionData<typeof action>();
  const { t, date, dateTime } = useI18n();
  const link = (to: string, label: string | null) => (label ? <Link to={to}>{label}</Link> : t("common.none"));
  return (
    <article>
      <RecordHeading title={f.title} editTo={d.canEdit ? `/follow-ups/${f.id}/edit` : null}>
        {d.canClose && f.status === "open" ? <IntentButton intent={INTENT.done} label={t("followUps.markDone")} version={f.version} /> : null}
        {d.canDelete ? <IntentButton intent={INTENT.delete} label={t("followUps.delete")} /> : null}
      </RecordHeading>
      {actionData && "error" in actionData ? <p role="alert" className="form-error">{t(actionData.error)}</p> : null}
      <h2>{t("followUps.details")}</h2>
      <dl className="details">
        <div><dt>{t("followUps.field.status")}</dt><dd>{enumLabel(t, "followUpStatus", f.status)}</dd></div>
        <div><dt>{t("followUps.field.dueOn")}</dt><dd>{date(f.dueOn)}</dd></div>
        <div><dt>{t("followUps.field.assignee")}</dt><dd>{d.assigneeName ?? t("common.none")}</dd></div>
        <div><dt>{t("followUps.field.sharedWith")}</dt><dd>{f.sharedWithOrganizationId ? link(`/organizations/${f.sharedWithOrganizationId}`, d.sharedWithName) : t("common.none")}</dd></div>
        {f.completedAt ? (
          <>
            <div><dt>{t("followUps.field.completedAt")}</dt><dd>{dateTime(f.completedAt)}</dd></div>
            <div><dt>{t("followUps.field.completedBy")}</dt><dd>{d.completedByName ?? t("common.none")}</dd></div>
          </>
        ) : null}
      </dl>
      {f.notes ? <p className="prewrap">{f.notes}</p> : null}
      {d.canClose ? (
        <Form method="post" className="note-form">
          <input type="hidden" name="version" value={f.version} />
          <label>
            {t("followUps.addNote")}
            <textarea name="note" rows={3} maxLength={4000} required />
          </label>
          <button type="submit" name="intent" value={INTENT.note}>
            {t("followUps.addNoteButton")}
          </button>
        </Form>
      ) : null}
      <h2>{t("followUps.links")}</h2>
      <dl className="details">
        <div><dt>{t("followUps.field.organization")}</dt><dd>{link(`/organizations/${f.organizationId}`, d.organizationName)}</dd></div>
        <div><dt>{t("followUps.field.person")}</dt><dd>{link(`/people/${f.personId}`, d.personName)}</dd></div>
        <div><dt>{t("followUps.field.partnership")}</dt><dd>{link(`/partnerships/${f.partnershipId}`, d.partnershipTitle)}</dd></div>
        <div><dt>{t("followUps.field.commitment")}</dt><dd>{link(`/commitments/${f.commitmentId}`, d.commitmentTitle)}</dd></div>
        <div><dt>{t("followUps.field.event")}</dt><dd>{link(`/events/${f.eventId}`, d.eventTitle)}</dd></div>
      </dl>
      <ChangeHistory entries={d.history} title="followUps.history" />
    </article>
  );
}
