import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { can, requireUser } from "#app/auth/access.server.ts";
import { DataTable } from "#app/components/DataTable.tsx";
import { ExportLinks } from "#app/components/ExportLinks.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { RecordPicker } from "#app/components/RecordPicker.tsx";
import { commitmentListSpec } from "#app/domain/commitment.ts";
import { commitmentStatuses, niemAreas, niemDimensionsByArea } from "#app/domain/enums.ts";
import { enumLabel } from "#app/i18n/i18n.ts";
import { todayIso } from "#app/lib/calendar-day.ts";
import { listCommitments, parseCommitmentListParams, type CommitmentRow } from "#app/models/commitments.server.ts";
import { eventChoices, OWNER_ROLES, pickerChoices, userChoices } from "#app/models/link-choices.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = parseCommitmentListParams(new URL(request.url));
  const today = todayIso();
  const page = listCommitments(user, params, today);
  return json({
    ...page,
    params,
    today,
    canCreate: can(user, "writeRecords"),
    canExport: can(user, "export"),
    owners: userChoices(OWNER_ROLES),
    events: eventChoices(),
    // Not every organization (100,000 at national scale): the first ones and the chosen one; the picker searches.
    organizations: pickerChoices("organizations", [params.filters.organization]),
  });
}

const column = createColumnHelper<CommitmentRow>();
const openStatuses: readonly string[] = ["pledged", "in_progress"];

export default function CommitmentsList() {
  const { rows, total, params, today, canCreate, canExport, owners, events, organizations } = useLoaderData<typeof loader>();
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
          {c.getValue() && c.getValue()! < today && openStatuses.includes(c.row.original.status) ? (
            <span className="badge">{t("commitments.overdueBadge")}</span>
          ) : null}
        </>
      ),
    }),
    column.accessor("updatedAt", { id: "updated", header: () => t("common.updated"), cell: (c) => dateTime(c.getValue()) }),
  ];
  const f = params.filters;
  return (
    <section>
      <div className="page-head">
        <h1>{t("commitments.title")}</h1>
        {canExport ? <ExportLinks kind="commitments" /> : null}
        {canCreate ? (
          <Link to="/commitments/new" className="button primary">
            {t("commitments.new")}
          </Link>
        ) : null}
      </div>
      <Form method="get" className="filters" role="search">
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
        <input type="hidden" name="perPage" value={params.perPage} />
        <label>
          {t("common.search")}
          <input type="search" name="q" defaultValue={params.q} placeholder={t("commitments.searchPlaceholder")} />
        </label>
        <label>
          {t("commitments.field.status")}
          <select name="status" defaultValue={f.status ?? ""}>
            <option value="">{t("common.all")}</option>
            {commitmentStatuses.map((s) => (
              <option key={s} value={s}>{enumLabel(t, "commitmentStatus", s)}</option>
            ))}
          </select>
        </label>
        <label>
          {t("commitments.field.niemArea")}
          <select name="area" defaultValue={f.area ?? ""}>
            <option value="">{t("common.all")}</option>
            {niemAreas.map((a) => (
              <option key={a} value={a}>{enumLabel(t, "niemArea", a)}</option>
            ))}
          </select>
        </label>
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
        <label>
          {t("commitments.field.event")}
          <select name="event" defaultValue={f.event ? String(f.event) : ""}>
            <option value="">{t("common.all")}</option>
            {events.map((e) => (
              <option key={e.id} value={e.id}>{e.label}</option>
            ))}
          </select>
        </label>
        <RecordPicker kind="organizations" name="organization" label="commitments.field.organization" choices={organizations} defaultValue={f.organization ?? null} emptyLabel={t("common.all")} plainLabel />
        <label>
          {t("commitments.field.owner")}
          <select name="owner" defaultValue={f.owner ? String(f.owner) : ""}>
            <option value="">{t("common.all")}</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>{o.label}</option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <span>
            <input type="checkbox" name="overdue" value="1" defaultChecked={f.overdue === "1"} /> {t("commitments.overdueOnly")}
          </span>
        </label>
        <button type="submit">{t("common.filter")}</button>
        <Link to="/commitments">{t("common.clear")}</Link>
      </Form>
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
