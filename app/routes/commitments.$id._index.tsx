import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { can, requireCapability, requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { errorText, FormErrorSummary, SelectField, TextArea, TextField } from "#app/components/Field.tsx";
import { EvidenceFileField, EvidenceFileLink } from "#app/components/EvidenceFile.tsx";
import { FollowUpsSection } from "#app/components/FollowUpsSection.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { IntentButton, RecordHeading } from "#app/components/RecordPage.tsx";
import { SaveForm } from "#app/components/SaveForm.tsx";
import { ChangeHistory } from "#app/components/ChangeHistory.tsx";
import { carryOverInput, commitmentUpdateInput, reopenInput } from "#app/domain/commitment.ts";
import { enumLabel, type MessageKey } from "#app/i18n/i18n.ts";
import { formValues, parseForm, type FieldErrors, type FormValues } from "#app/lib/forms.ts";
import { newFormKey, parseIdParam, redirectWithFlash, writeContext } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { changeHistoryOf } from "#app/models/audit-view.server.ts";
import { evidenceFromForm, readEvidenceForm } from "#app/models/evidence.server.ts";
import { reopenCommitment } from "#app/models/commitment-lifecycle.server.ts";
import { addCommitmentUpdate, carryOverCommitment, deleteCommitment, getCommitment, getCommitmentDetail } from "#app/models/commitments.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.commitment.title} · BCRM Partners` : "BCRM Partners" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const detail = getCommitmentDetail(user, parseIdParam(params.id));
  return json({
    formKey: newFormKey(),
    ...detail,
    history: changeHistoryOf(user, "commitment", detail.commitment.id),
    canEdit: can(user, "writeRecords"),
    canDelete: can(user, "hardDelete"),
  });
}

const INTENT = { addUpdate: "addUpdate", reopen: "reopen", carryOver: "carryOver", delete: "delete" } as const;

type ActionData = { intent?: string; error?: MessageKey; errors?: FieldErrors; values?: FormValues };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  getCommitment(user, id); // 404 before anything else if out of reach (partners)
  // A progress update may carry an evidence file: the same reader and limit as a partner's report.
  const { formData: form, tooLarge } = await readEvidenceForm(request);
  // A body over the whole limit arrives empty, without its intent: it can only have been a progress update with a file.
  const intent = tooLarge && !form.has("intent") ? INTENT.addUpdate : form.get("intent");
  const ctx = writeContext(context, form);
  if (tooLarge && intent !== INTENT.addUpdate) return json<ActionData>({ error: "errors.invalid" }, { status: 413 });
  if (intent === INTENT.delete) {
    requireCapability(user, "hardDelete");
    const result = deleteCommitment(user, id, ctx);
    if (!result.ok) return json<ActionData>({ intent, error: "commitments.deleteReferenced" }, { status: 409 });
    return redirectWithFlash("/commitments", "commitments.deleted");
  }
  // Progress updates (and so status changes) and carry-overs are staff writers' work; managers get 403.
  requireRecordWrite(user);
  if (intent === INTENT.addUpdate) {
    const parsed = parseForm(commitmentUpdateInput, form);
    const evidence = await evidenceFromForm(form, tooLarge);
    if (!parsed.ok || !evidence.ok) {
      const errors: FieldErrors = { ...(parsed.ok ? {} : parsed.errors), ...(evidence.ok ? {} : { evidenceFile: [evidence.error] }) };
      const values = parsed.ok ? formValues(form) : parsed.values;
      return json<ActionData>({ intent, errors, values: { ...values, evidenceFile: "" } }, { status: 400 });
    }
    const result = addCommitmentUpdate(user, id, parsed.data, ctx, evidence.evidence);
    // Refused by the lifecycle table (a finished commitment): the message beside the status field.
    if (!result.ok) return json<ActionData>({ intent, errors: { statusChange: [result.refusal] }, values: parsed.values }, { status: 400 });
    return redirectWithFlash(`/commitments/${id}`, "commitments.update.added");
  }
  if (intent === INTENT.reopen) {
    const parsed = parseForm(reopenInput, form);
    if (!parsed.ok) return json<ActionData>({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    const result = reopenCommitment(user, id, parsed.data, ctx);
    if (!result.ok) return json<ActionData>({ intent, errors: { status: [result.refusal] }, values: parsed.values }, { status: 400 });
    return redirectWithFlash(`/commitments/${id}`, "commitments.reopen.done");
  }
  if (intent === INTENT.carryOver) {
    const parsed = parseForm(carryOverInput, form);
    if (!parsed.ok) return json<ActionData>({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    const result = carryOverCommitment(user, id, parsed.data.eventId, ctx);
    if (!result.ok) return json<ActionData>({ intent, error: "commitments.carryOver.notEligible" }, { status: 400 });
    return redirectWithFlash(`/commitments/${result.id}`, "commitments.carryOver.done");
  }
  return json<ActionData>({ error: "errors.invalid" }, { status: 400 });
}

export default function CommitmentDetail() {
  const data = useLoaderData<typeof loader>();
  const { commitment: c, coPledgers, event, partnership, carriedOverFrom, carriedOverTo, timeline, followUps, carryOver, statusChoices, history, canEdit, canDelete } = data;
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t, date, dateTime } = useI18n();
  const updateErrors = actionData?.intent === INTENT.addUpdate ? actionData : undefined;
  const reopenErrors = actionData?.intent === INTENT.reopen ? actionData : undefined;
  const statusOption = (s: string) => ({ value: s, label: enumLabel(t, "commitmentStatus", s) });
  return (
    <article>
      <RecordHeading title={c.title} editTo={canEdit ? `/commitments/${c.id}/edit` : null}>
        {canDelete ? <IntentButton intent={INTENT.delete} label={t("commitments.delete")} /> : null}
      </RecordHeading>
      {actionData?.error ? <p role="alert" className="form-error">{t(actionData.error)}</p> : null}
      {/* A reopen refused while the reopen form is not offered (the commitment is not finished): the message here. */}
      {reopenErrors?.errors?.status && !statusChoices.reopen.length
        ? reopenErrors.errors.status.map((code) => <p key={code} role="alert" className="form-error">{errorText(t, code)}</p>)
        : null}
      <h2>{t("commitments.details")}</h2>
      <dl className="details">
        <div>
          <dt>{t("commitments.field.status")}</dt>
          <dd data-testid="commitment-status">
            {enumLabel(t, "commitmentStatus", c.status)}
            {!c.statusVerified ? <span className="badge">{t("commitments.selfReported")}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t("commitments.field.lead")}</dt>
          <dd><Link to={`/organizations/${c.leadOrganizationId}`}>{data.leadName}</Link></dd>
        </div>
        <div>
          <dt>{t("commitments.field.coPledgers")}</dt>
          <dd>
            {coPledgers.length
              ? coPledgers.map((o, i) => (
                  <span key={o.organizationId}>
                    {i ? ", " : ""}
                    <Link to={`/organizations/${o.organizationId}`}>{o.name}</Link>
                  </span>
                ))
              : t("common.none")}
          </dd>
        </div>
        <div>
          <dt>{t("commitments.field.event")}</dt>
          <dd>{event ? `${event.title} (${date(event.startsOn)})` : t("common.none")}</dd>
        </div>
        <div>
          <dt>{t("commitments.field.partnership")}</dt>
          <dd>{partnership ? <Link to={`/partnerships/${partnership.id}`}>{partnership.title}</Link> : t("common.none")}</dd>
        </div>
        <div><dt>{t("commitments.field.niemArea")}</dt><dd>{enumLabel(t, "niemArea", c.niemArea)}</dd></div>
        <div><dt>{t("commitments.field.niemDimension")}</dt><dd>{enumLabel(t, "niemDimension", c.niemDimension)}</dd></div>
        <div><dt>{t("commitments.field.kind")}</dt><dd>{enumLabel(t, "commitmentKind", c.kind)}</dd></div>
        <div><dt>{t("commitments.field.dueOn")}</dt><dd>{date(c.dueOn) || t("common.none")}</dd></div>
        <div><dt>{t("commitments.field.owner")}</dt><dd>{data.ownerName ?? t("common.none")}</dd></div>
        <div><dt>{t("commitments.field.sharedWithPartner")}</dt><dd>{c.sharedWithPartner ? t("common.yes") : t("common.no")}</dd></div>
        {carriedOverFrom ? (
          <div>
            <dt>{t("commitments.carriedOverFrom")}</dt>
            <dd><Link to={`/commitments/${carriedOverFrom.id}`}>{carriedOverFrom.title}</Link></dd>
          </div>
        ) : null}
        {carriedOverTo.length ? (
          <div>
            <dt>{t("commitments.carriedOverTo")}</dt>
            <dd>
              {carriedOverTo.map((n) => (
                <Link key={n.id} to={`/commitments/${n.id}`}>{n.title}</Link>
              ))}
            </dd>
          </div>
        ) : null}
      </dl>
      {c.description ? <p className="prewrap">{c.description}</p> : null}

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t("commitments.timeline")}</h2>
        {timeline.length ? (
          <ol className="timeline">
            {timeline.map((u) => (
              <li key={u.id}>
                <p>
                  <strong>{dateTime(u.createdAt)}</strong> · {u.authorName}
                  {u.partnerOrganizationName ? ` · ${t("commitments.update.onBehalfOf", { organization: u.partnerOrganizationName })}` : ""}
                  {u.partnerOrganizationId != null ? (
                    u.returnedAt ? (
                      <span className="badge badge-returned">{t("portal.returned")}</span>
                    ) : (
                      <span className="badge">{u.verifiedAt ? t("portal.verified") : t("commitments.selfReported")}</span>
                    )
                  ) : null}
                  {u.statusChange ? (
                    <span className="badge">{t("commitments.update.statusTo", { status: enumLabel(t, "commitmentStatus", u.statusChange) })}</span>
                  ) : null}
                </p>
                {u.answersUpdateId ? <p className="hint">{t("portal.partnerUpdates.answer")}</p> : null}
                <p className="prewrap">{u.note}</p>
                {u.returnedAt ? (
                  <p className="returned-report prewrap">{t("portal.timeline.returned", { date: dateTime(u.returnedAt), reason: u.returnReason ?? "" })}</p>
                ) : null}
                {u.evidenceUrl ? (
                  <p>
                    {t("commitments.update.evidence")}:{" "}
                    <a href={u.evidenceUrl} rel="noopener noreferrer nofollow" target="_blank">{u.evidenceUrl}</a>
                  </p>
                ) : null}
                {u.evidenceFileId ? (
                  <p>
                    <EvidenceFileLink id={u.evidenceFileId} name={u.evidenceFileName} type={u.evidenceFileType} size={u.evidenceFileSize} />
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("commitments.timelineEmpty")}</p>
        )}
        {canEdit ? (
          <SaveForm
            encType="multipart/form-data"
            className="stack"
            aria-labelledby="update-heading"
            errors={updateErrors?.errors}
            labels={{ evidenceFile: { label: "portal.update.evidenceFile", id: "field-evidenceFile" } }}
          >
            <h3 id="update-heading">{t("commitments.update.title")}</h3>
            <TextArea name="note" label="commitments.update.note" required values={updateErrors?.values} errors={updateErrors?.errors} />
            <SelectField
              name="statusChange"
              label="commitments.update.statusChange"
              emptyLabel={t("commitments.update.noChange")}
              choices={statusChoices.update.map(statusOption)}
              values={updateErrors?.values}
              errors={updateErrors?.errors}
            />
            {statusChoices.reopen.length ? <p className="hint">{t("commitments.update.finishedHint")}</p> : null}
            <TextField name="evidenceUrl" label="commitments.update.evidenceUrl" type="url" values={updateErrors?.values} errors={updateErrors?.errors} />
            <EvidenceFileField label="portal.update.evidenceFile" errors={updateErrors?.errors?.evidenceFile} />
            <div className="form-actions">
              <button type="submit" name="intent" value={INTENT.addUpdate} className="primary">{t("commitments.update.submit")}</button>
            </div>
          </SaveForm>
        ) : null}
      </section>

      {canEdit && statusChoices.reopen.length ? (
        <section aria-labelledby="reopen-heading">
          <h2 id="reopen-heading">{t("commitments.reopen.title")}</h2>
          <p className="hint">{t("commitments.reopen.hint")}</p>
          <Form method="post" className="stack" noValidate aria-labelledby="reopen-heading">
            <FormErrorSummary errors={reopenErrors?.errors} />
            <SelectField
              name="status"
              label="commitments.reopen.status"
              required
              choices={statusChoices.reopen.map(statusOption)}
              values={reopenErrors?.values}
              errors={reopenErrors?.errors}
            />
            <TextArea name="reason" label="commitments.reopen.reason" required values={reopenErrors?.values} errors={reopenErrors?.errors} />
            <div className="form-actions">
              <button type="submit" name="intent" value={INTENT.reopen}>{t("commitments.reopen.submit")}</button>
            </div>
          </Form>
        </section>
      ) : null}

      {canEdit && carryOver.eligible ? (
        <section aria-labelledby="carry-heading">
          <h2 id="carry-heading">{t("commitments.carryOver.title")}</h2>
          <p className="hint">{t("commitments.carryOver.hint")}</p>
          <Form method="post" className="filters">
            <label>
              {t("commitments.carryOver.event")}
              <select name="eventId" defaultValue={String(carryOver.targets[0]?.id ?? "")}>
                {carryOver.targets.map((e) => (
                  <option key={e.id} value={e.id}>{`${e.title} (${date(e.startsOn)})`}</option>
                ))}
              </select>
            </label>
            <button type="submit" name="intent" value={INTENT.carryOver}>{t("commitments.carryOver.submit")}</button>
          </Form>
        </section>
      ) : null}

      <FollowUpsSection
        title="commitments.followUps"
        rows={followUps}
        empty="commitments.empty"
        add={canEdit ? { to: `/follow-ups/new?commitmentId=${c.id}&organizationId=${c.leadOrganizationId}`, label: "commitments.addFollowUp" } : null}
      />
      <ChangeHistory entries={history} title="commitments.history" />
    </article>
  );
}
