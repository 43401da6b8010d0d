import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { can, requireUser } from "#app/auth/access.server.ts";
import { DataTable } from "#app/components/DataTable.tsx";
import { ExportLinks } from "#app/components/ExportLinks.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { oblasts, organizationKinds } from "#app/domain/enums.ts";
import { enumLabel } from "#app/i18n/i18n.ts";
import { organizationListSpec } from "#app/domain/organization.ts";
import { listOrganizations, parseOrganizationListParams, type Organization } from "#app/models/organizations.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = parseOrganizationListParams(new URL(request.url));
  const page = listOrganizations(user, params);
  return json({ ...page, params, canCreate: can(user, "writeRecords"), canExport: can(user, "export") });
}

type Row = Pick<Organization, "id" | "name" | "kind" | "oblast" | "municipality" | "archived" | "updatedAt">;
const column = createColumnHelper<Row>();

export default function OrganizationsList() {
  const { rows, total, params, canCreate, canExport } = useLoaderData<typeof loader>();
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
      <div className="page-head">
        <h1>{t("org.title")}</h1>
        {canExport ? <ExportLinks kind="organizations" /> : null}
        {canCreate ? (
          <Link to="/organizations/new" className="button primary">
            {t("org.new")}
          </Link>
        ) : null}
      </div>
      <Form method="get" className="filters" role="search">
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
        <input type="hidden" name="perPage" value={params.perPage} />
        <label>
          {t("common.search")}
          <input type="search" name="q" defaultValue={params.q} placeholder={t("org.searchPlaceholder")} />
        </label>
        <label>
          {t("org.kind")}
          <select name="kind" defaultValue={f.kind ?? ""}>
            <option value="">{t("common.all")}</option>
            {organizationKinds.map((k) => (
              <option key={k} value={k}>{enumLabel(t, "organizationKind", k)}</option>
            ))}
          </select>
        </label>
        <label>
          {t("org.oblast")}
          <select name="oblast" defaultValue={f.oblast ?? ""}>
            <option value="">{t("common.all")}</option>
            {oblasts.map((o) => (
              <option key={o} value={o}>{enumLabel(t, "oblast", o)}</option>
            ))}
          </select>
        </label>
        <label>
          {t("org.status")}
          <select name="archived" defaultValue={f.archived ?? "active"}>
            <option value="active">{t("org.status.active")}</option>
            <option value="archived">{t("org.status.archived")}</option>
            <option value="all">{t("org.status.all")}</option>
          </select>
        </label>
        <button type="submit">{t("common.filter")}</button>
        <Link to="/organizations">{t("common.clear")}</Link>
      </Form>
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
