import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireCapability, requireUser } from "#app/auth/access.server.ts";
import { SelectField, TextArea, TextField } from "#app/components/Field.tsx";
import { EvidenceFileField } from "#app/components/EvidenceFile.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { CommitmentStatusBadge, PortalTimeline } from "#app/components/PortalTimeline.tsx";
import { SaveForm } from "#app/components/SaveForm.tsx";
import { PORTAL_INTENT, partnerUpdateFields, partnerUpdateInput } from "#app/domain/portal.ts";
import { enumLabel } from "#app/i18n/i18n.ts";
import { formValues, parseForm, type FieldErrors } from "#app/lib/forms.ts";
import { clientIp, invalidForm, newFormKey, parseIdParam, redirectWithFlash, writeContext } from "#app/server/http.server.ts";
import { evidenceFromForm, readEvidenceForm } from "#app/models/evidence.server.ts";
import { auditRefusal, getSharedCommitment, postPartnerUpdate, screenPartnerForm } from "#app/models/partner-portal.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.commitment.title} · BCRM Partners` : "BCRM Partners" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ formKey: newFormKey(), commitment: getSharedCommitment(user, parseIdParam(params.id)) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "usePartnerPortal");
  const id = parseIdParam(params.id);
  const ctx = { ip: clientIp(context) };
  try {
    getSharedCommitment(user, id);
  } catch (refusal) {
    // A partner posting to a commitment out of reach is an attempt worth recording.
    if (refusal instanceof Response && refusal.status === 404) auditRefusal(user, { type: "commitment", id }, { outcome: "forbidden", reason: "out_of_reach" }, ctx);
    throw refusal;
  }

  const { formData, tooLarge } = await readEvidenceForm(request);
  const values = formValues(formData);
  const shownValues = { ...values, evidenceFile: "" };

  const screening = screenPartnerForm(user, values, { allowedFields: partnerUpdateFields, inReach: { commitmentId: id } });
  if (!screening.ok) {
    auditRefusal(user, { type: "commitment", id }, screening, ctx);
    if (screening.outcome === "forbidden") throw new Response("Not Found", { status: 404 });
    const errors: FieldErrors =
      screening.field === "proposedStatus" ? { proposedStatus: ["statusNotAllowed"] } : { _form: ["forgedField"] };
    return invalidForm(errors, shownValues, { intent: PORTAL_INTENT.update });
  }
  // A body over the whole limit arrives empty, without its intent: it is answered with the size message below.
  if (formData.get("intent") !== PORTAL_INTENT.update && !tooLarge) return invalidForm({ _form: ["invalid"] }, shownValues);

  const form = parseForm(partnerUpdateInput, shownValues);
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  // A file over the limit was left out of the form: the message comes back with the note, so nothing typed is lost.
  const checked = await evidenceFromForm(formData, tooLarge);
  const evidence = checked.ok ? checked.evidence : null;
  if (!checked.ok) errors.evidenceFile = [checked.error];
  if (!form.ok || Object.keys(errors).length) return invalidForm(errors, shownValues, { intent: PORTAL_INTENT.update });

  const result = postPartnerUpdate(user, id, form.data, evidence, writeContext(context, formData));
  if (!result.ok) {
    // Refused by the lifecycle table (a finished commitment takes no status from a partner): audited, with the message.
    auditRefusal(user, { type: "commitment", id }, { outcome: "refused", field: "proposedStatus", value: form.data.proposedStatus ?? "", reason: result.refusal }, ctx);
    return invalidForm({ proposedStatus: [result.refusal] }, shownValues, { intent: PORTAL_INTENT.update });
  }
  return redirectWithFlash(`/shared/commitments/${id}`, "portal.update.saved");
}

export default function SharedCommitment() {
  const { commitment: c } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, date, dateTime } = useI18n();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const values = actionData && "values" in actionData ? actionData.values : undefined;
  return (
    <article>
      <p><Link to="/shared">{t("portal.back")}</Link></p>
      <h1>{c.title}</h1>
      <dl className="details">
        <div><dt>{t("portal.col.status")}</dt><dd><CommitmentStatusBadge status={c.status} verified={c.statusVerified} /></dd></div>
        <div><dt>{t("portal.col.due")}</dt><dd>{c.dueOn ? date(c.dueOn) : t("common.none")}</dd></div>
        <div><dt>{t("portal.commitment.lead")}</dt><dd>{c.leadOrganizationName}</dd></div>
        <div><dt>{t("portal.commitment.coPledgers")}</dt><dd>{c.coPledgerNames.join(", ") || t("common.none")}</dd></div>
      </dl>
      {c.description ? (
        <>
          <h2>{t("portal.commitment.description")}</h2>
          <p className="prewrap">{c.description}</p>
        </>
      ) : null}

      {c.returnedReport ? (
        <section className="returned-report notice" aria-labelledby="returned-heading" data-testid="returned-report">
          <h2 id="returned-heading">{t("portal.returned.notice", { date: dateTime(c.returnedReport.createdAt) })}</h2>
          <p className="prewrap">{t("portal.returned.reason", { reason: c.returnedReport.returnReason ?? "" })}</p>
          <p>{t("portal.returned.answerHint")}</p>
        </section>
      ) : null}

      <h2 id="report-progress">{t("portal.update.title")}</h2>
      <p className="hint">{t("portal.update.intro")}</p>
      {c.statusChoices.length ? null : <p className="hint">{t("portal.update.finishedHint")}</p>}
      <SaveForm
        encType="multipart/form-data"
        className="stack"
        aria-labelledby="report-progress"
        errors={errors}
        labels={{ evidenceFile: { label: "portal.update.evidenceFile", id: "field-evidenceFile" } }}
      >
        <input type="hidden" name="commitmentId" value={c.id} />
        <TextArea name="note" label="portal.update.note" required values={values} errors={errors} />
        <SelectField
          name="proposedStatus"
          label="portal.update.proposedStatus"
          emptyLabel={t("portal.update.noStatusChange")}
          choices={c.statusChoices.map((s) => ({ value: s, label: enumLabel(t, "commitmentStatus", s) }))}
          values={values}
          errors={errors}
        />
        <TextField name="evidenceUrl" label="portal.update.evidenceUrl" type="url" values={values} errors={errors} />
        <EvidenceFileField label="portal.update.evidenceFile" errors={errors?.evidenceFile} />
        <div className="form-actions">
          <button type="submit" name="intent" value={PORTAL_INTENT.update} className="primary" disabled={navigation.state === "submitting"}>
            {t("portal.update.submit")}
          </button>
        </div>
      </SaveForm>

      <h2>{t("portal.timeline")}</h2>
      <PortalTimeline entries={c.timeline} />
    </article>
  );
}
