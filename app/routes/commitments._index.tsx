import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { can, requireUser } from "#app/auth/access.server.ts";
import { DataTable } from "#app/components/DataTable.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { FilterSelect, ListFilters, ListHeading } from "#app/components/ListPage.tsx";
import { RecordPicker } from "#app/components/RecordPicker.tsx";
import { commitmentListSpec, commitmentReportFilters, isCommitmentOverdue } from "#app/domain/commitment.ts";
import { commitmentStatuses, niemAreas, niemDimensionsByArea, oblasts, organizationKinds } from "#app/domain/enums.ts";
import { enumLabel } from "#app/i18n/i18n.ts";
import { todayIso } from "#app/lib/calendar-day.ts";
import { listCommitments, parseCommitmentListParams, type CommitmentRow } from "#app/models/commitments.server.ts";
import { eventChoices, OWNER_ROLES, pickerChoices, userChoices } from "#app/models/link-choices.server.ts";
import { savedViewsFor } from "#app/models/saved-views.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = parseCommitmentListParams(new URL(request.url));
  const today = todayIso();
  const page = listCommitments(user, params, today);
  return json({
    savedViews: savedViewsFor(user, "commitments"),
    ...page,
    params,
    today,
    canCreate: can(user, "writeRecords"),
    canExport: can(user, "export"),
    owners: userChoices(OWNER_ROLES),
    events: eventChoices(user.locale),
    // Not every organization (100,000 at national scale): the first ones and the chosen one; the picker searches.
    organizations: pickerChoices("organizations", [params.filters.organization]),
  });
}

const column = createColumnHelper<CommitmentRow>();

export default function CommitmentsList() {
  const { rows, total, params, today, canCreate, canExport, owners, events, organizations, savedViews } = useLoaderData<typeof loader>();
  const { t, date, dateTime } = useI18n();
  const columns = [
    column.accessor("title", {
      id: "title",
      header: () => t("commitments.field.title"),
      cell: (c) => <Link to={`/commitments/${c.row.original.id}`}>{c.getValue()}</Link>,
    }),
    column.accessor("leadName", { id: "lead", header: () => t("commitments.field.lead") }),
    column.accessor("eventTitle", { id: "event", header: () => t("commitments.field.event"), cell: (c) => c.getValue() ?? t("common.none") }),
    column.accessor("niemDimension", { id: "dimension", header: () => t("commitments.field.niemDimension"), cell: (c) => enumLabel(t, "niemDimension", c.getValue()) }),
    column.accessor("status", {
      id: "status",
      header: () => t("commitments.field.status"),
      cell: (c) => (
        <>
          {enumLabel(t, "commitmentStatus", c.getValue())}
          {!c.row.original.statusVerified ? <span className="badge">{t("commitments.selfReported")}</span> : null}
        </>
      ),
    }),
    column.accessor("dueOn", {
      id: "due",
      header: () => t("commitments.field.dueOn"),
      cell: (c) => (
        <>
          {date(c.getValue())}
          {isCommitmentOverdue({ status: c.row.original.status, dueOn: c.getValue() }, today) ? (
            <span className="badge">{t("commitments.overdueBadge")}</span>
          ) : null}
        </>
      ),
    }),
    column.accessor("updatedAt", { id: "updated", header: () => t("common.updated"), cell: (c) => dateTime(c.getValue()) }),
  ];
  const f = params.filters;
  // Filters a report link set that the form has no control for ride along, so a search keeps them.
  const reportFiltersKept = Object.fromEntries(
    commitmentReportFilters.filter((k) => f[k] != null).map((k) => [k, String(f[k])]),
  );
  return (
    <section>
      <ListHeading
        savedViews={{ kind: "commitments", views: savedViews }}
        title={t("commitments.title")}
        exportKind={canExport ? "commitments" : null}
        newLink={canCreate ? { to: "/commitments/new", label: t("commitments.new") } : null}
      />
      <ListFilters params={params} searchPlaceholder={t("commitments.searchPlaceholder")} clearTo="/commitments" keep={reportFiltersKept}>
        <FilterSelect name="status" label={t("commitments.field.status")} value={f.status}
          options={commitmentStatuses.map((s) => ({ value: s, label: enumLabel(t, "commitmentStatus", s) }))} />
        <FilterSelect name="area" label={t("commitments.field.niemArea")} value={f.area}
          options={niemAreas.map((a) => ({ value: a, label: enumLabel(t, "niemArea", a) }))} />
        <label>
          {t("commitments.field.niemDimension")}
          <select name="dimension" defaultValue={f.dimension ?? ""}>
            <option value="">{t("common.all")}</option>
            {niemAreas.map((a) => (
              <optgroup key={a} label={enumLabel(t, "niemArea", a)}>
                {niemDimensionsByArea[a].map((d) => (
                  <option key={d} value={d}>{enumLabel(t, "niemDimension", d)}</option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <FilterSelect name="event" label={t("commitments.field.event")} value={f.event}
          options={events.map((e) => ({ value: e.id, label: e.label }))} />
        <RecordPicker kind="organizations" name="organization" label="commitments.field.organization" choices={organizations} defaultValue={f.organization ?? null} emptyLabel={t("common.all")} plainLabel />
        <FilterSelect name="owner" label={t("commitments.field.owner")} value={f.owner}
          options={owners.map((o) => ({ value: o.id, label: o.label }))} />
        <label className="checkbox">
          <span>
            <input type="checkbox" name="overdue" value="1" defaultChecked={f.overdue === "1"} /> {t("commitments.overdueOnly")}
          </span>
        </label>
        <FilterSelect name="verified" label={t("commitments.filter.verified")} value={f.verified}
          options={[{ value: "1", label: t("commitments.filter.verified.1") }, { value: "0", label: t("commitments.filter.verified.0") }]} />
        <FilterSelect name="orgKind" label={t("commitments.filter.orgKind")} value={f.orgKind}
          options={organizationKinds.map((k) => ({ value: k, label: enumLabel(t, "organizationKind", k) }))} />
        <FilterSelect name="oblast" label={t("commitments.filter.oblast")} value={f.oblast}
          options={[...oblasts.map((o) => ({ value: o as string, label: enumLabel(t, "oblast", o) })), { value: "none", label: t("reports.noOblast") }]} />
        {(["open", "carried", "joint"] as const).map((name) => (
          <label key={name} className="checkbox">
            <span>
              <input type="checkbox" name={name} value="1" defaultChecked={f[name] === "1"} /> {t(`commitments.filter.${name}`)}
            </span>
          </label>
        ))}
      </ListFilters>
      <DataTable
        rows={rows}
        columns={columns}
        sortable={commitmentListSpec.sortable}
        caption={t("commitments.title")}
        state={{ sort: params.sort, dir: params.dir, page: params.page, perPage: params.perPage, total }}
      />
    </section>
  );
}
