import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { can, requireCapability, requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { CommitmentStatusBadge } from "#app/components/PortalTimeline.tsx";
import { idParam } from "#app/domain/fields.ts";
import { PORTAL_INTENT } from "#app/domain/portal.ts";
import { enumLabel, type MessageKey } from "#app/i18n/i18n.ts";
import { clientIp, redirectWithFlash } from "#app/lib/http.server.ts";
import { readForm } from "#app/lib/read-form.server.ts";
import {
  PARTNER_UPDATES_PER_PAGE,
  listPartnerCompletions,
  listPartnerUpdates,
  verifyPartnerUpdate,
} from "#app/models/partner-portal.server.ts";

export const meta: MetaFunction = () => [{ title: "BCRM Partners" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "readRecords");
  const pageParam = idParam.safeParse(new URL(request.url).searchParams.get("page") ?? "1");
  const page = pageParam.success ? Math.min(pageParam.data, 100_000) : 1;
  const { rows, total } = listPartnerUpdates(user, page);
  return json({
    updates: rows,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PARTNER_UPDATES_PER_PAGE)),
    completions: listPartnerCompletions(user),
    canVerify: can(user, "writeRecords"),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "readRecords");
  requireRecordWrite(user);
  const form = await readForm(request);
  const updateId = idParam.safeParse(form.get("updateId"));
  if (form.get("intent") !== PORTAL_INTENT.verify || !updateId.success) {
    return json({ error: "errors.invalid" as MessageKey }, { status: 400 });
  }
  const result = verifyPartnerUpdate(user, updateId.data, { ip: clientIp(context) });
  if (!result.ok) return json({ error: "portal.partnerUpdates.alreadyVerified" as MessageKey }, { status: 409 });
  return redirectWithFlash("/partner-updates", "portal.partnerUpdates.verifiedToast");
}

export default function PartnerUpdates() {
  const { updates, total, page, pages, completions, canVerify } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, dateTime } = useI18n();
  return (
    <section>
      <h1>{t("portal.partnerUpdates.title")}</h1>
      <p className="hint">{t("portal.partnerUpdates.intro")}</p>
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
                      <div><a href={`/evidence/${u.evidenceFileId}`} download>{t("portal.timeline.evidenceFile", { name: u.evidenceFileName ?? "" })}</a></div>
                    ) : null}
                    {!u.evidenceUrl && !u.evidenceFileId ? t("common.none") : null}
                  </td>
                  <td>
                    {u.verifiedAt ? (
                      t("portal.partnerUpdates.verifiedBy", { date: dateTime(u.verifiedAt), name: u.verifiedByName ?? t("common.none") })
                    ) : (
                      <>
                        <span className="badge badge-self-reported">{t("portal.partnerUpdates.unverified")}</span>
                        {canVerify ? (
                          <Form method="post">
                            <input type="hidden" name="updateId" value={u.id} />
                            <button
                              type="submit"
                              name="intent"
                              value={PORTAL_INTENT.verify}
                              aria-label={t("portal.partnerUpdates.verifyLabel", { organization: u.organizationName, commitment: u.commitmentTitle })}
                            >
                              {t("portal.partnerUpdates.verify")}
                            </button>
                          </Form>
                        ) : null}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages > 1 ? (
            <nav className="pager" aria-label={t("list.pagination")}>
              {page > 1 ? <Link to={`?page=${page - 1}`}>{t("list.previous")}</Link> : null}
              <span className="pager-summary">{t("list.page", { page, pages })}</span>
              {page < pages ? <Link to={`?page=${page + 1}`}>{t("list.next")}</Link> : null}
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
