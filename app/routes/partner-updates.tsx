import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { can, requireCapability, requireUser } from "#app/auth/access.server.ts";
import { ErrorList } from "#app/components/Field.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { EvidenceFileLink } from "#app/components/EvidenceFile.tsx";
import { CommitmentStatusBadge } from "#app/components/PortalTimeline.tsx";
import { idParam } from "#app/domain/fields.ts";
import { PORTAL_INTENT, reportDecisionInput } from "#app/domain/portal.ts";
import { enumLabel, type MessageKey } from "#app/i18n/i18n.ts";
import { parseForm, type FieldErrors, type FormValues } from "#app/lib/forms.ts";
import { parseListParams } from "#app/lib/list-params.ts";
import { clientIp, redirectWithFlash } from "#app/server/http.server.ts";
import { returnPartnerReport, verifyPartnerReport, type JudgeResult } from "#app/models/commitment-lifecycle.server.ts";
import { PARTNER_UPDATES_PER_PAGE, listPartnerCompletions, listPartnerUpdates } from "#app/models/partner-portal.server.ts";
import { readForm } from "#app/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "BCRM Partners" }];

/**
 * The page and the «pending» filter come from the URL like every list's; the order (newest first)
 * and the page size (PARTNER_UPDATES_PER_PAGE) are fixed by the model.
 */
const partnerUpdateListSpec = {
  sortable: ["newest"] as const,
  defaultSort: "newest" as const,
  filters: { pending: z.enum(["1"]) },
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "readRecords");
  const { page, filters } = parseListParams(new URL(request.url), partnerUpdateListSpec);
  const pending = filters.pending === "1";
  const { rows, total } = listPartnerUpdates(user, page, { pending });
  return json({
    pending,
    updates: rows,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PARTNER_UPDATES_PER_PAGE)),
    completions: listPartnerCompletions(user),
    canVerify: can(user, "verifyPartnerReports"),
  });
}

type ActionData = { error?: MessageKey; updateId?: number; errors?: FieldErrors; values?: FormValues };

const refusalMessage = (result: Exclude<JudgeResult, { ok: true }>): MessageKey =>
  result.reason === "refused" ? `errors.${result.refusal}` : result.reason === "alreadyReturned" ? "portal.partnerUpdates.alreadyReturned" : "portal.partnerUpdates.alreadyVerified";

/** Verify a partner's report, or return it with a reason: verifyPartnerReports (coordinators, admins). */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "readRecords");
  requireCapability(user, "verifyPartnerReports");
  const parsed = parseForm(reportDecisionInput, await readForm(request));
  if (!parsed.ok) {
    const updateId = idParam.safeParse(parsed.values.updateId);
    // A missing reason is shown beside that row's field; anything else (a forged intent or id) above the list.
    if (updateId.success && parsed.errors.reason && Object.keys(parsed.errors).length === 1) {
      return json<ActionData>({ errors: parsed.errors, values: parsed.values, updateId: updateId.data }, { status: 400 });
    }
    return json<ActionData>({ error: "errors.invalid" }, { status: 400 });
  }
  const ctx = { ip: clientIp(context) };
  const decision = parsed.data;
  const result =
    decision.intent === PORTAL_INTENT.verify ? verifyPartnerReport(user, decision.updateId, ctx) : returnPartnerReport(user, decision.updateId, decision.reason, ctx);
  if (!result.ok) return json<ActionData>({ error: refusalMessage(result), updateId: decision.updateId }, { status: 409 });
  return redirectWithFlash("/partner-updates", decision.intent === PORTAL_INTENT.verify ? "portal.partnerUpdates.verifiedToast" : "portal.partnerUpdates.returnedToast");
}

export default function PartnerUpdates() {
  const { updates, total, page, pages, completions, canVerify, pending } = useLoaderData<typeof loader>();
  const keep = pending ? "&pending=1" : "";
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t, dateTime } = useI18n();
  return (
    <section>
      <h1>{t("portal.partnerUpdates.title")}</h1>
      <p className="hint">{t("portal.partnerUpdates.intro")}</p>
      <nav className="views" aria-label={t("portal.partnerUpdates.title")}>
        <Link to="?" aria-current={pending ? undefined : "page"} className={pending ? "button" : "button primary"}>{t("common.all")}</Link>
        <Link to="?pending=1" aria-current={pending ? "page" : undefined} className={pending ? "button primary" : "button"}>{t("dashboard.pendingUpdates")}</Link>
      </nav>
      <p className="pager-summary" data-testid="partner-updates-total">{t("list.total", { total })}</p>
      {actionData?.error ? <p role="alert" className="form-error">{t(actionData.error)}</p> : null}
      {updates.length ? (
        <div className="data-table">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("portal.partnerUpdates.col.date")}</th>
                <th scope="col">{t("portal.partnerUpdates.col.commitment")}</th>
                <th scope="col">{t("portal.partnerUpdates.col.organization")}</th>
                <th scope="col">{t("portal.partnerUpdates.col.note")}</th>
                <th scope="col">{t("portal.partnerUpdates.col.proposedStatus")}</th>
                <th scope="col">{t("portal.partnerUpdates.col.evidence")}</th>
                <th scope="col">{t("portal.partnerUpdates.col.verification")}</th>
              </tr>
            </thead>
            <tbody>
              {updates.map((u) => (
                <tr key={u.id} data-update-id={u.id} className={u.verifiedAt ? undefined : "unverified"}>
                  <td>{dateTime(u.createdAt)}</td>
                  <td>
                    <Link to={`/commitments/${u.commitmentId}`}>{u.commitmentTitle}</Link>
                    <div className="hint">
                      {t("portal.partnerUpdates.currentStatus")}
                      <CommitmentStatusBadge status={u.commitmentStatus} verified={u.commitmentStatusVerified} />
                    </div>
                  </td>
                  <td>
                    <Link to={`/organizations/${u.organizationId}`}>{u.organizationName}</Link>
                    <div className="hint">{u.authorName}</div>
                  </td>
                  <td className="prewrap">{u.note}</td>
                  <td>{u.statusChange ? enumLabel(t, "commitmentStatus", u.statusChange) : t("common.none")}</td>
                  <td>
                    {u.evidenceUrl ? (
                      <div><a href={u.evidenceUrl} rel="noopener noreferrer nofollow" target="_blank">{t("portal.timeline.evidenceLink")}</a></div>
                    ) : null}
                    {u.evidenceFileId ? (
                      <div><EvidenceFileLink id={u.evidenceFileId} name={u.evidenceFileName} type={u.evidenceFileType} size={u.evidenceFileSize} /></div>
                    ) : null}
                    {!u.evidenceUrl && !u.evidenceFileId ? t("common.none") : null}
                  </td>
                  <td>
                    {u.answersUpdateId ? <div className="hint">{t("portal.partnerUpdates.answer")}</div> : null}
                    {u.verifiedAt ? (
                      t("portal.partnerUpdates.verifiedBy", { date: dateTime(u.verifiedAt), name: u.verifiedByName ?? t("common.none") })
                    ) : u.returnedAt ? (
                      <div className="returned-report">
                        <span className="badge badge-returned">{t("portal.returned")}</span>{" "}
                        {t("portal.partnerUpdates.returnedBy", { date: dateTime(u.returnedAt), name: u.returnedByName ?? t("common.none") })}
                        <p className="prewrap">{t("portal.returned.reason", { reason: u.returnReason ?? "" })}</p>
                      </div>
                    ) : (
                      <>
                        <span className="badge badge-self-reported">{t("portal.partnerUpdates.unverified")}</span>
                        {canVerify ? <ReportDecision row={u} actionData={actionData?.updateId === u.id ? actionData : undefined} /> : null}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages > 1 ? (
            <nav className="pager" aria-label={t("list.pagination")}>
              {page > 1 ? <Link to={`?page=${page - 1}${keep}`}>{t("list.previous")}</Link> : null}
              <span className="pager-summary">{t("list.page", { page, pages })}</span>
              {page < pages ? <Link to={`?page=${page + 1}${keep}`}>{t("list.next")}</Link> : null}
              <span className="pager-summary">{total}</span>
            </nav>
          ) : null}
        </div>
      ) : (
        <p className="hint">{t("portal.partnerUpdates.empty")}</p>
      )}

      <h2 id="partner-completions">{t("portal.partnerUpdates.completions")}</h2>
      {completions.length ? (
        <div className="data-table">
          <table aria-labelledby="partner-completions">
            <thead>
              <tr>
                <th scope="col">{t("portal.partnerUpdates.col.date")}</th>
                <th scope="col">{t("portal.partnerUpdates.col.followUp")}</th>
                <th scope="col">{t("portal.partnerUpdates.col.organization")}</th>
                <th scope="col">{t("portal.partnerUpdates.col.completedBy")}</th>
                <th scope="col">{t("portal.followUp.completionNote")}</th>
              </tr>
            </thead>
            <tbody>
              {completions.map((f) => (
                <tr key={f.id} data-follow-up-id={f.id}>
                  <td>{dateTime(f.completedAt)}</td>
                  <td><Link to={`/follow-ups/${f.id}`}>{f.title}</Link></td>
                  <td>{f.organizationName ?? t("common.none")}</td>
                  <td>{f.completedByName}</td>
                  <td className="prewrap">{f.completionNote ?? t("common.none")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="hint">{t("portal.partnerUpdates.completionsEmpty")}</p>
      )}
    </section>
  );
}

/** Verify, or return with a reason the partner reads (both by the lifecycle table). */
function ReportDecision({ row, actionData }: { row: { id: number; organizationName: string; commitmentTitle: string }; actionData?: ActionData }) {
  const { t } = useI18n();
  const reasonId = `return-reason-${row.id}`;
  const reasonErrors = actionData?.errors?.reason;
  return (
    <div className="report-decision">
      <Form method="post">
        <input type="hidden" name="updateId" value={row.id} />
        <button
          type="submit"
          name="intent"
          value={PORTAL_INTENT.verify}
          aria-label={t("portal.partnerUpdates.verifyLabel", { organization: row.organizationName, commitment: row.commitmentTitle })}
        >
          {t("portal.partnerUpdates.verify")}
        </button>
      </Form>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="updateId" value={row.id} />
        <label htmlFor={reasonId}>{t("portal.partnerUpdates.returnReason")}</label>
        <textarea
          id={reasonId}
          name="reason"
          rows={2}
          required
          defaultValue={typeof actionData?.values?.reason === "string" ? actionData.values.reason : undefined}
          aria-invalid={reasonErrors ? true : undefined}
          aria-describedby={reasonErrors ? `${reasonId}-errors` : undefined}
        />
        <ErrorList id={`${reasonId}-errors`} errors={reasonErrors} />
        <button
          type="submit"
          name="intent"
          value={PORTAL_INTENT.return}
          aria-label={t("portal.partnerUpdates.returnLabel", { organization: row.organizationName, commitment: row.commitmentTitle })}
        >
          {t("portal.partnerUpdates.return")}
        </button>
      </Form>
    </div>
  );
}
