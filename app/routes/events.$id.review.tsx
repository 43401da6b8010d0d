import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { can, requireCapability, requireUser } from "#app/auth/access.server.ts";
import { BarChart } from "#app/components/BarChart.tsx";
import chartStyles from "#app/components/charts.css?url";
import { errorText } from "#app/components/Field.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { ReportTableView } from "#app/components/ReportTable.tsx";
import { highlightInput, yearReviewTables, type ReviewCommitment } from "#app/domain/year-review.ts";
import { enumLabel, type MessageKey } from "#app/i18n/i18n.ts";
import { parseForm } from "#app/lib/forms.ts";
import { clientIp, parseIdParam, redirectWithFlash } from "#app/server/http.server.ts";
import { editHighlight, getYearReview } from "#app/models/year-review.server.ts";
import { readForm } from "#app/server/read-form.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: chartStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.review.edition.title} · BCRM Partners` : "BCRM Partners" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { review, candidates } = getYearReview(user, parseIdParam(params.id));
  const canEdit = can(user, "editYearReview");
  return json({ review, candidates: canEdit ? candidates : [], canEdit, canDownload: can(user, "downloadYearReview") });
}

const INTENT = { exclude: "exclude", include: "include", moveUp: "moveUp", moveDown: "moveDown", caption: "caption" } as const;

type ActionData = { error: MessageKey; fieldErrors?: string[]; commitmentId?: number };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  getYearReview(user, id); // 404 for partners and for events without a review, before anything else
  requireCapability(user, "editYearReview");
  const form = parseForm(highlightInput, await readForm(request));
  if (!form.ok) {
    const fieldErrors = Object.values(form.errors).flat();
    return json<ActionData>({ error: "review.highlightInvalid", fieldErrors }, { status: 400 });
  }
  const result = editHighlight(user, id, form.data, { ip: clientIp(context) });
  if (!result.ok) return json<ActionData>({ error: `review.error.${result.error}`, commitmentId: form.data.commitmentId }, { status: 400 });
  return redirectWithFlash(`/events/${id}/review#highlights`, form.data.intent === INTENT.caption ? "review.captionSaved" : "review.highlightsSaved");
}

function Commitment({ c }: { c: ReviewCommitment }) {
  const { t } = useI18n();
  return (
    <>
      <Link to={`/commitments/${c.id}`}>{c.title}</Link>
      <div className="hint">
        {[c.leadName, ...c.coPledgers].join(", ")} · {enumLabel(t, "niemDimension", c.niemDimension)} · {enumLabel(t, "commitmentStatus", c.status)}
        {!c.statusVerified ? <span className="badge">{t("commitments.selfReported")}</span> : null}
      </div>
    </>
  );
}

export default function YearReviewPage() {
  const { review, candidates, canEdit, canDownload } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t, date, dateTime } = useI18n();
  const tables = Object.fromEntries(yearReviewTables(review, t).map((table) => [table.id, table]));
  const e = review.edition;
  const base = `/events/${e.id}/review`;
  return (
    <article className="year-review">
      <div className="page-head">
        <h1>{t("review.heading", { title: e.title })}</h1>
        {canDownload ? (
          <div className="export-links">
            <a href={`${base}.pdf`} className="button" download>
              {t("review.downloadPdf")}
            </a>
            <a href={`${base}.pdf?lang=${t("review.otherLang")}`} className="button" download>
              {t("review.downloadPdfOther")}
            </a>
            <a href={`${base}.xlsx`} className="button" download>
              {t("review.downloadXlsx")}
            </a>
          </div>
        ) : null}
      </div>
      <p>
        <Link to={`/events/${e.id}`}>{e.title}</Link> · {date(e.startsOn)}
        {e.place ? <> · {e.place}</> : null}
      </p>
      <p>
        {review.previous ? (
          <>
            {t("review.lookingBackAt", { title: review.previous.title, date: date(review.previous.startsOn) })}{" "}
            <Link to={`/events/${review.previous.id}`}>{t("review.previousLink")}</Link>
          </>
        ) : (
          t("review.noPrevious")
        )}
      </p>
      <p className="report-note">
        {t("review.period", { from: date(review.period.after), to: date(review.period.to) })} {t("review.dataAsOf", { date: dateTime(review.dataAsOf) })}
      </p>
      <p className="report-note" id="definitions">{t("review.definitions")}</p>
      {actionData?.error ? (
        <div role="alert" className="form-error">
          {t(actionData.error)}
          {actionData.fieldErrors?.length ? <ul>{actionData.fieldErrors.map((code) => <li key={code}>{errorText(t, code)}</li>)}</ul> : null}
        </div>
      ) : null}

      <section aria-labelledby="heading-figures">
        <h2 id="heading-figures">{tables.figures!.title}</h2>
        <ReportTableView table={tables.figures!} idPrefix="review" linkZero={false} />
        <h3>{tables.status!.title}</h3>
        <ReportTableView table={tables.status!} idPrefix="review" linkZero={false} />
      </section>

      <section aria-labelledby="heading-niem">
        <h2 id="heading-niem">{t("review.byNiem")}</h2>
        <BarChart
          id="chart-review-area"
          title={t("reports.rateChart")}
          valueLabel={t("reports.col.rate")}
          items={review.byArea.map((g) => ({ key: g.key, label: enumLabel(t, "niemArea", g.key), value: g.rate ?? 0 }))}
        />
        <h3>{tables.area!.title}</h3>
        <ReportTableView table={tables.area!} idPrefix="review" linkZero={false} />
        <h3>{tables.dimension!.title}</h3>
        <ReportTableView table={tables.dimension!} idPrefix="review" linkZero={false} />
      </section>

      <section aria-labelledby="heading-kind">
        <h2 id="heading-kind">{tables.kind!.title}</h2>
        <ReportTableView table={tables.kind!} idPrefix="review" linkZero={false} />
      </section>
      <section aria-labelledby="heading-oblast">
        <h2 id="heading-oblast">{tables.oblast!.title}</h2>
        <ReportTableView table={tables.oblast!} idPrefix="review" linkZero={false} />
      </section>

      <section aria-labelledby="heading-joint">
        <h2 id="heading-joint">{t("review.joint")}</h2>
        {review.jointPledges.length ? (
          <ul className="record-list">
            {review.jointPledges.map((c) => (
              <li key={c.id}>
                <Commitment c={c} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("review.noJoint")}</p>
        )}
      </section>

      <section aria-labelledby="heading-highlights" id="highlights">
        <h2 id="heading-highlights">{t("review.highlights")}</h2>
        <p className="report-note">{t("review.highlightsRule")}</p>
        {review.highlights.length ? (
          <ol className="record-list review-highlights">
            {review.highlights.map((h, index) => (
              <li key={h.id} data-commitment={h.id}>
                <Commitment c={h} />
                {h.caption ? <p className="review-caption">{h.caption}</p> : null}
                {h.evidence ? (
                  <div className="hint">
                    {t("review.evidence")}:{" "}
                    {h.evidence.url ? (
                      <a href={h.evidence.url} rel="noopener noreferrer nofollow" target="_blank">{h.evidence.url}</a>
                    ) : (
                      <a href={`/evidence/${h.evidence.fileId}`}>{h.evidence.fileName}</a>
                    )}
                  </div>
                ) : null}
                {!h.auto ? <span className="badge">{t("review.addedByHand")}</span> : null}
                {canEdit ? (
                  <div className="inline-forms">
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="commitmentId" value={h.id} />
                      <label>
                        {t("review.col.caption")}
                        <input name="caption" defaultValue={h.caption ?? ""} maxLength={200} aria-label={t("review.caption", { title: h.title })} />
                      </label>
                      <button type="submit" name="intent" value={INTENT.caption} aria-label={t("review.saveCaptionFor", { title: h.title })}>
                        {t("review.saveCaption")}
                      </button>
                    </Form>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="commitmentId" value={h.id} />
                      <button type="submit" name="intent" value={INTENT.moveUp} disabled={index === 0} aria-label={t("review.moveUpFor", { title: h.title })}>
                        {t("review.moveUp")}
                      </button>
                      <button
                        type="submit"
                        name="intent"
                        value={INTENT.moveDown}
                        disabled={index === review.highlights.length - 1}
                        aria-label={t("review.moveDownFor", { title: h.title })}
                      >
                        {t("review.moveDown")}
                      </button>
                      <button type="submit" name="intent" value={INTENT.exclude} aria-label={t("review.excludeFor", { title: h.title })}>
                        {t("review.exclude")}
                      </button>
                    </Form>
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="empty">{t("review.noHighlights")}</p>
        )}
        {canEdit && candidates.length ? (
          <Form method="post" className="inline-form">
            <label>
              {t("review.includeLabel")}
              <select name="commitmentId">
                {candidates.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title} ({enumLabel(t, "commitmentStatus", c.status)})
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" name="intent" value={INTENT.include}>
              {t("review.include")}
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="heading-carried">
        <h2 id="heading-carried">{t("review.carriedOver")}</h2>
        {review.carriedOver.length ? (
          <ul className="record-list">
            {review.carriedOver.map((c) => (
              <li key={c.id}>
                <Commitment c={c} />
                <div className="hint">
                  {t("review.col.carriedFrom")}: <Link to={`/commitments/${c.fromId}`}>{c.fromEventTitle ?? c.fromTitle}</Link>
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("review.noCarriedOver")}</p>
        )}
      </section>

      <section aria-labelledby="heading-partnerships">
        <h2 id="heading-partnerships">{t("review.newPartnerships")}</h2>
        {review.newPartnerships.length ? (
          <ul className="record-list">
            {review.newPartnerships.map((p) => (
              <li key={p.id}>
                <Link to={`/partnerships/${p.id}`}>{p.title}</Link>
                <div className="hint">
                  {enumLabel(t, "partnershipKind", p.kind)} · {enumLabel(t, "partnershipStatus", p.status)}
                  {p.startsOn ? <> · {t("review.since", { date: date(p.startsOn) })}</> : null} · {p.members.join(", ")}
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("review.noPartnerships")}</p>
        )}
      </section>

      <section aria-labelledby="heading-stories">
        <h2 id="heading-stories">{t("review.stories")}</h2>
        {review.stories.length ? (
          <ul className="record-list">
            {review.stories.map((s) => (
              <li key={s.id}>
                <Link to={`/stories/${s.id}`}>{s.title}</Link>
                <p>{s.summary}</p>
                {s.organizations.length ? <div className="hint">{s.organizations.join(", ")}</div> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("review.noStories")}</p>
        )}
      </section>
    </article>
  );
}
