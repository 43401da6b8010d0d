import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { can, requireUser } from "#app/auth/access.server.ts";
import { DataTable } from "#app/components/DataTable.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { FilterSelect, ListFilters, ListHeading } from "#app/components/ListPage.tsx";
import { RecordPicker } from "#app/components/RecordPicker.tsx";
import { partnershipKinds, partnershipStatuses } from "#app/domain/enums.ts";
import { partnershipListSpec } from "#app/domain/partnership.ts";
import { enumLabel } from "#app/i18n/i18n.ts";
import { OWNER_ROLES, pickerChoices, userChoices } from "#app/models/link-choices.server.ts";
import { listPartnerships, parsePartnershipListParams, partnershipProjects, type PartnershipRow } from "#app/models/partnerships.server.ts";
import { savedViewsFor } from "#app/models/saved-views.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = parsePartnershipListParams(new URL(request.url));
  const page = listPartnerships(user, params);
  return json({
    savedViews: savedViewsFor(user, "partnerships"),
    ...page,
    params,
    canCreate: can(user, "writeRecords"),
    canExport: can(user, "export"),
    owners: userChoices(OWNER_ROLES),
    projects: partnershipProjects(user),
    // Not every organization (100,000 at national scale): the first ones and the chosen one; the picker searches.
    organizations: pickerChoices("organizations", [params.filters.organization]),
  });
}

const column = createColumnHelper<PartnershipRow>();

export default function PartnershipsList() {
  const { rows, total, params, canCreate, canExport, owners, organizations, savedViews, projects } = useLoaderData<typeof loader>();
  const { t, date, dateTime } = useI18n();
  const columns = [
    column.accessor("title", {
      id: "title",
      header: () => t("partnerships.field.title"),
      cell: (c) => <Link to={`/partnerships/${c.row.original.id}`}>{c.getValue()}</Link>,
    }),
    column.accessor("kind", { id: "kind", header: () => t("partnerships.field.kind"), cell: (c) => enumLabel(t, "partnershipKind", c.getValue()) }),
    column.accessor("project", { id: "project", header: () => t("partnerships.field.project"), cell: (c) => c.getValue() ?? t("common.none") }),
    column.accessor("status", { id: "status", header: () => t("partnerships.field.status"), cell: (c) => enumLabel(t, "partnershipStatus", c.getValue()) }),
    column.accessor("startsOn", {
      id: "start",
      header: () => t("partnerships.field.startsOn"),
      cell: (c) => [date(c.getValue()), date(c.row.original.endsOn)].filter(Boolean).join(" – "),
    }),
    column.accessor("ownerName", { id: "owner", header: () => t("partnerships.field.owner"), cell: (c) => c.getValue() ?? t("common.none") }),
    column.accessor("memberCount", { id: "members", header: () => t("partnerships.memberCount") }),
    column.accessor("updatedAt", { id: "updated", header: () => t("common.updated"), cell: (c) => dateTime(c.getValue()) }),
  ];
  const f = params.filters;
  return (
    <section>
      <ListHeading
        savedViews={{ kind: "partnerships", views: savedViews }}
        title={t("partnerships.title")}
        exportKind={canExport ? "partnerships" : null}
        newLink={canCreate ? { to: "/partnerships/new", label: t("partnerships.new") } : null}
      />
      <ListFilters params={params} searchPlaceholder={t("partnerships.searchPlaceholder")} clearTo="/partnerships">
        <FilterSelect name="status" label={t("partnerships.field.status")} value={f.status}
          options={partnershipStatuses.map((s) => ({ value: s, label: enumLabel(t, "partnershipStatus", s) }))} />
        <FilterSelect name="kind" label={t("partnerships.field.kind")} value={f.kind}
          options={partnershipKinds.map((k) => ({ value: k, label: enumLabel(t, "partnershipKind", k) }))} />
        <FilterSelect name="project" label={t("partnerships.field.project")} value={f.project}
          options={projects.map((p) => ({ value: p, label: p }))} />
        <FilterSelect name="owner" label={t("partnerships.field.owner")} value={f.owner}
          options={owners.map((o) => ({ value: o.id, label: o.label }))} />
        <RecordPicker kind="organizations" name="organization" label="partnerships.field.organization" choices={organizations} defaultValue={f.organization ?? null} emptyLabel={t("common.all")} plainLabel />
      </ListFilters>
      <DataTable
        rows={rows}
        columns={columns}
        sortable={partnershipListSpec.sortable}
        caption={t("partnerships.title")}
        state={{ sort: params.sort, dir: params.dir, page: params.page, perPage: params.perPage, total }}
      />
    </section>
  );
}
