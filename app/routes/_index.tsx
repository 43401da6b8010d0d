import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCapability, requireUser } from "#app/auth/access.server.ts";
import { BarChart } from "#app/components/BarChart.tsx";
import { ChangeList } from "#app/components/ChangeHistory.tsx";
import chartStyles from "#app/components/charts.css?url";
import { useI18n } from "#app/components/i18n.tsx";
import { idParam, versionField } from "#app/domain/fields.ts";
import { enumLabel, type MessageKey } from "#app/i18n/i18n.ts";
import { clientIp, redirectWithFlash } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { completeMyFollowUp, getDashboard } from "#app/models/dashboard.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: chartStyles }];

const INTENT = { done: "done" } as const;
const doneInput = z.object({ intent: z.literal(INTENT.done), id: idParam, version: versionField });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // Partners have their own start page.
  if (user.role === "partner") throw redirect("/shared");
  requireCapability(user, "readRecords");
  return json({ name: user.name, ...getDashboard(user) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (user.role === "partner") throw redirect("/shared");
  const parsed = doneInput.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return json({ error: "errors.invalid" as MessageKey }, { status: 400 });
  const result = completeMyFollowUp(user, parsed.data.id, parsed.data.version, { ip: clientIp(context) });
  if (result.ok) return redirectWithFlash("/", "dashboard.doneToast");
  const error: MessageKey = result.reason === "stale" ? "dashboard.staleFollowUp" : "dashboard.notOpen";
  return json({ error }, { status: 409 });
}

/** Each number leads to the list of exactly the records it counts. */
const dashboardLinks = {
  overdue: "/follow-ups?view=mine&due=overdue",
  dueSoon: "/follow-ups?view=mine&due=soon",
  pending: "/partner-updates?pending=1",
};

type FollowUpItem = ReturnType<typeof useLoaderData<typeof loader>>["overdue"][number];

function DueList({
  id,
  title,
  items,
  total,
  overdue,
  canComplete,
}: {
  id: string;
  title: string;
  items: FollowUpItem[];
  /** Every one of the group; only the first few are listed here. */
  total: number;
  overdue: boolean;
  canComplete: boolean;
}) {
  const { t, date, number } = useI18n();
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>
        {title} ({number(total)})
      </h3>
      {items.length === 0 ? (
        <p className="report-note">{t("dashboard.nothingDue")}</p>
      ) : (
        <ul className={overdue ? "due-list overdue" : "due-list"}>
          {items.map((f) => (
            <li key={f.id}>
              <span>
                <Link to={`/follow-ups/${f.id}`}>{f.title}</Link>
                {f.organizationName ? <> · {f.organizationName}</> : null}
                <br />
                <span className="due-date">{t("dashboard.dueOn", { date: date(f.dueOn) })}</span>
              </span>
              {canComplete ? (
                <Form method="post">
                  <input type="hidden" name="id" value={f.id} />
                  <input type="hidden" name="version" value={f.version} />
                  <button type="submit" name="intent" value={INTENT.done} aria-label={t("dashboard.markDoneNamed", { title: f.title })}>
                    {t("dashboard.markDone")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {total > items.length ? (
        <p>
          <Link to={overdue ? dashboardLinks.overdue : dashboardLinks.dueSoon}>{t("dashboard.showAllMine", { shown: number(items.length), total: number(total) })}</Link>
        </p>
      ) : null}
    </section>
  );
}

export default function Dashboard() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, number, date, dateTime } = useI18n();
  return (
    <section>
      <h1>{t("dashboard.welcome", { name: data.name })}</h1>
      {actionData?.error ? (
        <p role="alert" className="form-error">
          {t(actionData.error)}
        </p>
      ) : null}
      <dl className="stats">
        <div>
          <dt>{t("dashboard.overdue")}</dt>
          <dd data-testid="overdue-count"><Link to={dashboardLinks.overdue}>{number(data.overdueTotal)}</Link></dd>
        </div>
        <div>
          <dt>{t("dashboard.dueSoon")}</dt>
          <dd data-testid="due-soon-count"><Link to={dashboardLinks.dueSoon}>{number(data.dueSoonTotal)}</Link></dd>
        </div>
        <div>
          <dt>{t("dashboard.pendingUpdates")}</dt>
          <dd data-testid="pending-count"><Link to={dashboardLinks.pending}>{number(data.pendingUpdates.total)}</Link></dd>
        </div>
      </dl>

      <h2>{t("dashboard.myFollowUps")}</h2>
      <div className="dashboard-grid">
        <DueList id="overdue-heading" title={t("dashboard.overdue")} items={data.overdue} total={data.overdueTotal} overdue canComplete={data.canComplete} />
        <DueList id="due-soon-heading" title={t("dashboard.dueSoon")} items={data.dueSoon} total={data.dueSoonTotal} overdue={false} canComplete={data.canComplete} />
      </div>

      <h2>{t("dashboard.commitments")}</h2>
      <div className="dashboard-grid">
        <BarChart
          id="chart-status"
          title={t("dashboard.byStatus")}
          valueLabel={t("dashboard.count")}
          items={data.byStatus.map((r) => ({ key: r.key, label: enumLabel(t, "commitmentStatus", r.key), value: r.count, href: `/commitments?status=${r.key}` }))}
        />
        <BarChart
          id="chart-area"
          title={t("dashboard.byArea")}
          valueLabel={t("dashboard.count")}
          items={data.byArea.map((r) => ({ key: r.key, label: enumLabel(t, "niemArea", r.key), value: r.count, href: `/commitments?area=${r.key}` }))}
        />
      </div>

      <h2>{t("dashboard.pendingUpdates")}</h2>
      <p>
        <Link to={dashboardLinks.pending}>{t("dashboard.pendingCount", { count: data.pendingUpdates.total })}</Link>
      </p>
      {data.pendingUpdates.latest.length ? (
        <ul>
          {data.pendingUpdates.latest.map((u) => (
            <li key={u.id}>
              <Link to={`/commitments/${u.commitmentId}`}>{u.commitmentTitle}</Link> · {u.organizationName ?? t("common.none")} ·{" "}
              {u.statusChange ? enumLabel(t, "commitmentStatus", u.statusChange) : t("common.none")} · {date(u.createdAt)}
            </li>
          ))}
        </ul>
      ) : null}

      <h2>{t("dashboard.activity")}</h2>
      {data.activity.length === 0 ? (
        <p className="report-note">{t("dashboard.noActivity")}</p>
      ) : (
        <ul className="history">
          {data.activity.map((a) => (
            <li key={a.id}>
              {dateTime(a.at)} · {a.userName ?? t("common.none")} · {t(`audit.action.${a.action}` as MessageKey)} ·{" "}
              {a.href ? <Link to={a.href}>{a.label ?? a.href}</Link> : (a.label ?? t("common.none"))}
              <ChangeList changes={a.changes} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
