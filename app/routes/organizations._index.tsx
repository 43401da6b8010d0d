import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { can, requireUser } from "#app/auth/access.server.ts";
import { DataTable } from "#app/components/DataTable.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { ArchivedFilter, FilterSelect, ListFilters, ListHeading } from "#app/components/ListPage.tsx";
import { oblasts, organizationKinds } from "#app/domain/enums.ts";
import { enumLabel } from "#app/i18n/i18n.ts";
import { organizationListSpec } from "#app/domain/organization.ts";
import { listOrganizations, parseOrganizationListParams, type OrganizationListRow } from "#app/models/organizations.server.ts";
import { savedViewsFor } from "#app/models/saved-views.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = parseOrganizationListParams(new URL(request.url));
  const page = listOrganizations(user, params);
  return json({
    savedViews: savedViewsFor(user, "organizations"), ...page, params, canCreate: can(user, "writeRecords"), canExport: can(user, "export") });
}

type Row = OrganizationListRow;
const column = createColumnHelper<Row>();

export default function OrganizationsList() {
  const { rows, total, params, canCreate, canExport, savedViews } = useLoaderData<typeof loader>();
  const { t, dateTime } = useI18n();
  const columns = [
    column.accessor("name", {
      id: "name",
      header: () => t("org.name"),
      cell: (c) => (
        <Link to={`/organizations/${c.row.original.id}`}>
          {c.getValue()}
          {c.row.original.archived ? <span className="badge">{t("org.archived")}</span> : null}
        </Link>
      ),
    }),
    column.accessor("kind", { id: "kind", header: () => t("org.kind"), cell: (c) => enumLabel(t, "organizationKind", c.getValue()) }),
    column.accessor("oblast", { id: "oblast", header: () => t("org.oblast"), cell: (c) => enumLabel(t, "oblast", c.getValue()) }),
    column.accessor("municipality", { id: "municipality", header: () => t("org.municipality"), cell: (c) => c.getValue() ?? "" }),
    column.accessor("updatedAt", { id: "updated", header: () => t("common.updated"), cell: (c) => dateTime(c.getValue()) }),
  ];
  const f = params.filters;
  return (
    <section>
      <ListHeading
        savedViews={{ kind: "organizations", views: savedViews }}
        title={t("org.title")}
        exportKind={canExport ? "organizations" : null}
        newLink={canCreate ? { to: "/organizations/new", label: t("org.new") } : null}
      />
      <ListFilters params={params} searchPlaceholder={t("org.searchPlaceholder")} clearTo="/organizations">
        <FilterSelect name="kind" label={t("org.kind")} value={f.kind}
          options={organizationKinds.map((k) => ({ value: k, label: enumLabel(t, "organizationKind", k) }))} />
        <FilterSelect name="oblast" label={t("org.oblast")} value={f.oblast}
          options={oblasts.map((o) => ({ value: o, label: enumLabel(t, "oblast", o) }))} />
        <ArchivedFilter value={f.archived} messages="org" />
      </ListFilters>
      <DataTable
        rows={rows}
        columns={columns}
        sortable={organizationListSpec.sortable}
        caption={t("org.title")}
        state={{ sort: params.sort, dir: params.dir, page: params.page, perPage: params.perPage, total }}
      />
    </section>
  );
}
