import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCapability, requireUser } from "#app/auth/access.server.ts";
import { FormErrorSummary, TextArea } from "#app/components/Field.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { versionField } from "#app/domain/fields.ts";
import { PORTAL_INTENT, followUpCompletionFields, followUpCompletionInput } from "#app/domain/portal.ts";
import { enumLabel, type MessageKey } from "#app/i18n/i18n.ts";
import { formValues, parseForm, type FieldErrors } from "#app/lib/forms.ts";
import { clientIp, invalidForm, parseIdParam, redirectWithFlash } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { auditRefusal, getSharedFollowUp, screenPartnerForm, setSharedFollowUpDone } from "#app/models/partner-portal.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.followUp.title} · BCRM Partners` : "BCRM Partners" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ followUp: getSharedFollowUp(user, parseIdParam(params.id)) });
}

const refusalMessages: Record<"stale" | "notOpen" | "notDone", MessageKey> = {
  stale: "errors.staleVersion",
  notOpen: "portal.followUp.notOpen",
  notDone: "portal.followUp.notDone",
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "usePartnerPortal");
  const id = parseIdParam(params.id);
  const ctx = { ip: clientIp(context) };
  try {
    getSharedFollowUp(user, id);
  } catch (refusal) {
    if (refusal instanceof Response && refusal.status === 404) auditRefusal(user, { type: "follow_up", id }, { outcome: "forbidden", reason: "out_of_reach" }, ctx);
    throw refusal;
  }
  const values = formValues(await readForm(request));
  // Only "done" (with a note) and "reopen" are the partner's to change: a posted title, assignee,
  // due date or another organization is refused and recorded.
  const screening = screenPartnerForm(user, values, { allowedFields: followUpCompletionFields, inReach: { followUpId: id } });
  if (!screening.ok) {
    auditRefusal(user, { type: "follow_up", id }, screening, ctx);
    if (screening.outcome === "forbidden") throw new Response("Not Found", { status: 404 });
    return invalidForm({ _form: ["forgedField"] }, values);
  }
  const intent = values.intent;
  const version = versionField.safeParse(values.version);
  if ((intent !== PORTAL_INTENT.complete && intent !== PORTAL_INTENT.reopen) || !version.success) {
    return invalidForm({ _form: ["invalid"] }, values);
  }
  const form = parseForm(followUpCompletionInput, values);
  if (!form.ok) return invalidForm(form.errors, values);
  const done = intent === PORTAL_INTENT.complete;
  const result = setSharedFollowUpDone(user, id, version.data, done, done ? form.data.completionNote : null, ctx);
  if (!result.ok) return json({ errors: {} as FieldErrors, values, message: refusalMessages[result.reason] }, { status: 409 });
  return redirectWithFlash(`/shared/follow-ups/${id}`, done ? "portal.followUp.doneToast" : "portal.followUp.reopenedToast");
}

export default function SharedFollowUp() {
  const { followUp: f } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date, dateTime } = useI18n();
  const errors = actionData?.errors;
  const message = actionData && "message" in actionData ? actionData.message : undefined;
  return (
    <article>
      <p><Link to="/shared">{t("portal.back")}</Link></p>
      <h1>{f.title}</h1>
      <FormErrorSummary errors={errors} message={message} />
      <dl className="details">
        <div><dt>{t("portal.followUp.status")}</dt><dd>{enumLabel(t, "followUpStatus", f.status)}</dd></div>
        <div>
          <dt>{t("portal.followUp.due")}</dt>
          <dd>
            {date(f.dueOn)}
            {f.overdue ? <span className="badge badge-overdue">{t("portal.overdue")}</span> : null}
          </dd>
        </div>
        {f.commitmentId ? (
          <div>
            <dt>{t("portal.followUp.commitment")}</dt>
            <dd><Link to={`/shared/commitments/${f.commitmentId}`}>{f.commitmentTitle}</Link></dd>
          </div>
        ) : null}
        {f.completedAt ? (
          <>
            <div><dt>{t("portal.followUp.completedAt")}</dt><dd>{dateTime(f.completedAt)}</dd></div>
            <div><dt>{t("portal.followUp.completedBy")}</dt><dd>{f.completedByName ?? t("common.none")}</dd></div>
            <div><dt>{t("portal.followUp.completionNote")}</dt><dd className="prewrap">{f.completionNote ?? t("common.none")}</dd></div>
          </>
        ) : null}
      </dl>
      {f.notes ? (
        <>
          <h2>{t("portal.followUp.notes")}</h2>
          <p className="prewrap">{f.notes}</p>
        </>
      ) : null}
      {f.status === "open" ? (
        <>
          <h2 id="mark-done">{t("portal.followUp.markDoneTitle")}</h2>
          <Form method="post" className="stack" aria-labelledby="mark-done">
            <input type="hidden" name="version" value={f.version} />
            <TextArea name="completionNote" label="portal.followUp.completionNote" values={actionData?.values} errors={errors} rows={3} />
            <div className="form-actions">
              <button type="submit" name="intent" value={PORTAL_INTENT.complete} className="primary">{t("portal.followUp.markDone")}</button>
            </div>
          </Form>
        </>
      ) : null}
      {f.status === "done" ? (
        <Form method="post">
          <input type="hidden" name="version" value={f.version} />
          <button type="submit" name="intent" value={PORTAL_INTENT.reopen}>{t("portal.followUp.reopen")}</button>
        </Form>
      ) : null}
      {f.status === "cancelled" ? <p className="notice">{t("portal.followUp.cancelledNotice")}</p> : null}
    </article>
  );
}
