import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { can, requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { DataTable } from "#app/components/DataTable.tsx";
import { ErrorList } from "#app/components/Field.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { FilterSelect, ListFilters, ListHeading } from "#app/components/ListPage.tsx";
import { RecordPicker } from "#app/components/RecordPicker.tsx";
import { followUpStatuses } from "#app/domain/enums.ts";
import { bulkFollowUpInput, followUpListSpec, followUpViews, markDoneInput } from "#app/domain/followUp.ts";
import { enumLabel, type MessageKey } from "#app/i18n/i18n.ts";
import { todayIso } from "#app/lib/calendar-day.ts";
import { parseForm, type FieldErrors } from "#app/lib/forms.ts";
import { clientIp, redirectWithFlash } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { bulkUpdateFollowUps, listFollowUps, markFollowUpDone, parseFollowUpListParams, requireFollowUpRead, type FollowUpRow } from "#app/models/follow-ups.server.ts";
import { ASSIGNEE_ROLES, pickerChoices, userChoices } from "#app/models/link-choices.server.ts";
import { savedViewsFor } from "#app/models/saved-views.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = parseFollowUpListParams(new URL(request.url));
  const today = todayIso();
  const page = listFollowUps(user, params, today);
  return json({
    savedViews: savedViewsFor(user, "follow-ups"),
    ...page,
    params,
    today,
    canEdit: can(user, "writeRecords"),
    // A follow-up's assignee may close it whatever their role (markFollowUpDone checks the rule).
    userId: user.id,
    canExport: can(user, "export"),
    assignees: userChoices(ASSIGNEE_ROLES),
    // Not every organization (100,000 at national scale): the first ones and the chosen one; the picker searches.
    organizations: pickerChoices("organizations", [params.filters.organization]),
  });
}

const INTENT = { done: "done", bulkReassign: "bulkReassign", bulkClose: "bulkClose" } as const;

type ActionData = { intent?: string; error?: MessageKey; errors?: FieldErrors };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireFollowUpRead(user);
  const form = await readForm(request);
  const intent = form.get("intent");
  const ctx = { ip: clientIp(context) };
  // Back to the same list view (filters, sort, page) after the change.
  const url = new URL(request.url);
  url.searchParams.delete("index");
  const back = `/follow-ups${url.search}`;
  if (intent === INTENT.done) {
    const parsed = parseForm(markDoneInput, form);
    if (!parsed.ok) return json<ActionData>({ intent, error: "errors.invalid" }, { status: 400 });
    const result = markFollowUpDone(user, parsed.data.id, parsed.data.version, ctx);
    if (!result.ok) return json<ActionData>({ intent, error: "errors.staleVersion" }, { status: 409 });
    return redirectWithFlash(back, "followUps.markedDone");
  }
  if (intent === INTENT.bulkReassign || intent === INTENT.bulkClose) {
    requireRecordWrite(user);
    const parsed = parseForm(bulkFollowUpInput, form);
    if (!parsed.ok) return json<ActionData>({ intent, errors: parsed.errors }, { status: 400 });
    const result = bulkUpdateFollowUps(user, parsed.data, ctx);
    if (!result.ok) return json<ActionData>({ intent, errors: result.errors }, { status: 400 });
    return redirectWithFlash(back, "followUps.bulk.done");
  }
  return json<ActionData>({ error: "errors.invalid" }, { status: 400 });
}

const BULK_FORM = "follow-ups-bulk";
const column = createColumnHelper<FollowUpRow>();

export default function FollowUpsList() {
  const { rows, total, params, today, canEdit, userId, canExport, assignees, organizations, savedViews } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t, date } = useI18n();
  const columns = [
    ...(canEdit
      ? [
          column.display({
            id: "select",
            header: () => <span className="visually-hidden">{t("followUps.bulk.title")}</span>,
            cell: (c) => (
              <input type="checkbox" name="ids" value={c.row.original.id} form={BULK_FORM} aria-label={t("followUps.select", { title: c.row.original.title })} />
            ),
          }),
        ]
      : []),
    column.accessor("title", {
      id: "title",
      header: () => t("followUps.field.title"),
      cell: (c) => (
        <>
          <Link to={`/follow-ups/${c.row.original.id}`}>{c.getValue()}</Link>
          {c.row.original.sharedWithOrganizationId ? <span className="badge">{t("followUps.sharedBadge")}</span> : null}
        </>
      ),
    }),
    column.accessor("dueOn", {
      id: "due",
      header: () => t("followUps.field.dueOn"),
      cell: (c) => (
        <>
          {date(c.getValue())}
          {c.row.original.status === "open" && c.getValue() < today ? <span className="badge">{t("followUps.overdueBadge")}</span> : null}
        </>
      ),
    }),
    column.accessor("status", { id: "status", header: () => t("followUps.field.status"), cell: (c) => enumLabel(t, "followUpStatus", c.getValue()) }),
    column.accessor("assigneeName", { id: "assignee", header: () => t("followUps.field.assignee"), cell: (c) => c.getValue() ?? t("common.none") }),
    column.accessor("organizationName", { id: "organization", header: () => t("followUps.field.organization"), cell: (c) => c.getValue() ?? t("common.none") }),
    ...(canEdit || rows.some((r) => r.assigneeId === userId)
      ? [
          column.display({
            id: "actions",
            header: () => t("common.actions"),
            cell: (c) =>
              c.row.original.status === "open" && (canEdit || c.row.original.assigneeId === userId) ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="id" value={c.row.original.id} />
                  <input type="hidden" name="version" value={c.row.original.version} />
                  <button type="submit" name="intent" value={INTENT.done} aria-label={t("followUps.markDoneLabel", { title: c.row.original.title })}>
                    {t("followUps.markDone")}
                  </button>
                </Form>
              ) : null,
          }),
        ]
      : []),
  ];
  const f = params.filters;
  const view = f.view ?? "all";
  return (
    <section>
      <ListHeading
        savedViews={{ kind: "follow-ups", views: savedViews }}
        title={t("followUps.title")}
        exportKind={canExport ? "follow-ups" : null}
        newLink={canEdit ? { to: "/follow-ups/new", label: t("followUps.new") } : null}
      />
      <nav aria-label={t("followUps.view")} className="views">
        {followUpViews.map((v) => (
          <Link key={v} to={`?view=${v}`} aria-current={v === view ? "page" : undefined} className={v === view ? "button primary" : "button"}>
            {t(`followUps.view.${v}`)}
          </Link>
        ))}
      </nav>
      <ListFilters params={params} searchPlaceholder={t("followUps.searchPlaceholder")} clearTo="/follow-ups" keep={{ view }}>
        <FilterSelect name="status" label={t("followUps.field.status")} value={f.status}
          options={followUpStatuses.map((s) => ({ value: s, label: enumLabel(t, "followUpStatus", s) }))} />
        <FilterSelect name="assignee" label={t("followUps.field.assignee")} value={f.assignee}
          options={assignees.map((u) => ({ value: u.id, label: u.label }))} />
        <RecordPicker kind="organizations" name="organization" label="followUps.field.organization" choices={organizations} defaultValue={f.organization ?? null} emptyLabel={t("common.all")} plainLabel />
        <FilterSelect name="due" label={t("followUps.field.dueOn")} value={f.due}
          options={[{ value: "overdue", label: t("dashboard.overdue") }, { value: "soon", label: t("dashboard.dueSoon") }]} />
        <label>
          {t("followUps.shared")}
          <select name="shared" defaultValue={f.shared ?? ""}>
            <option value="">{t("common.all")}</option>
            <option value="yes">{t("followUps.shared.yes")}</option>
            <option value="no">{t("followUps.shared.no")}</option>
          </select>
        </label>
      </ListFilters>
      {actionData?.error ? <p role="alert" className="form-error">{t(actionData.error)}</p> : null}
      <DataTable
        rows={rows}
        columns={columns}
        sortable={followUpListSpec.sortable}
        caption={t("followUps.title")}
        state={{ sort: params.sort, dir: params.dir, page: params.page, perPage: params.perPage, total }}
      />
      {canEdit ? (
        <Form method="post" id={BULK_FORM} className="filters" aria-label={t("followUps.bulk.title")}>
          <strong>{t("followUps.bulk.title")}</strong>
          <ErrorList id="bulk-ids-errors" errors={actionData?.errors?.ids} />
          <label>
            {t("followUps.bulk.assignee")}
            <select name="assigneeId" defaultValue="">
              <option value="" />
              {assignees.map((u) => (
                <option key={u.id} value={u.id}>{u.label}</option>
              ))}
            </select>
            <ErrorList id="bulk-assignee-errors" errors={actionData?.errors?.assigneeId} />
          </label>
          <button type="submit" name="intent" value={INTENT.bulkReassign}>{t("followUps.bulk.reassign")}</button>
          <label>
            {t("followUps.bulk.closeAs")}
            <select name="closeAs" defaultValue="done">
              <option value="done">{enumLabel(t, "followUpStatus", "done")}</option>
              <option value="cancelled">{enumLabel(t, "followUpStatus", "cancelled")}</option>
            </select>
          </label>
          <button type="submit" name="intent" value={INTENT.bulkClose}>{t("followUps.bulk.close")}</button>
        </Form>
      ) : null}
    </section>
  );
}
