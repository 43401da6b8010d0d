import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { can, requireUser } from "#app/auth/access.server.ts";
import { DataTable } from "#app/components/DataTable.tsx";
import { RecordPicker } from "#app/components/RecordPicker.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { ArchivedFilter, ListFilters, ListHeading } from "#app/components/ListPage.tsx";
import { personListSpec } from "#app/domain/person.ts";
import { listPeople, parsePersonListParams, type PersonRow } from "#app/models/people.server.ts";
import { pickerChoices } from "#app/models/link-choices.server.ts";
import { savedViewsFor } from "#app/models/saved-views.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = parsePersonListParams(new URL(request.url));
  const page = listPeople(user, params);
  return json({ ...page, savedViews: savedViewsFor(user, "people"), params, organizations: pickerChoices("organizations", [params.filters.organization]), canCreate: can(user, "writeRecords"), canExport: can(user, "export") });
}

type Row = Pick<PersonRow, "id" | "name" | "position" | "email" | "organizationId" | "organizationName" | "archived" | "updatedAt">;
const column = createColumnHelper<Row>();

export default function PeopleList() {
  const { rows, total, params, organizations, canCreate, canExport, savedViews } = useLoaderData<typeof loader>();
  const { t, dateTime } = useI18n();
  const columns = [
    column.accessor("name", {
      id: "name",
      header: () => t("people.name"),
      cell: (c) => (
        <Link to={`/people/${c.row.original.id}`}>
          {c.getValue()}
          {c.row.original.archived ? <span className="badge">{t("people.archived")}</span> : null}
        </Link>
      ),
    }),
    column.accessor("position", { id: "position", header: () => t("people.position"), cell: (c) => c.getValue() ?? "" }),
    column.accessor("organizationName", {
      id: "organization",
      header: () => t("people.organization"),
      cell: (c) =>
        c.row.original.organizationId ? <Link to={`/organizations/${c.row.original.organizationId}`}>{c.getValue()}</Link> : t("common.none"),
    }),
    column.accessor("email", { id: "email", header: () => t("people.email"), cell: (c) => c.getValue() ?? "" }),
    column.accessor("updatedAt", { id: "updated", header: () => t("common.updated"), cell: (c) => dateTime(c.getValue()) }),
  ];
  const f = params.filters;
  return (
    <section>
      <ListHeading
        savedViews={{ kind: "people", views: savedViews }}
        title={t("people.title")}
        exportKind={canExport ? "people" : null}
        newLink={canCreate ? { to: "/people/new", label: t("people.new") } : null}
      />
      <ListFilters params={params} searchPlaceholder={t("people.searchPlaceholder")} clearTo="/people">
        <RecordPicker kind="organizations" name="organization" label="people.organization" choices={organizations} defaultValue={f.organization ?? null} emptyLabel={t("common.all")} plainLabel />
        <label>
          {t("people.hasEmail")}
          <select name="email" defaultValue={f.email ?? ""}>
            <option value="">{t("common.all")}</option>
            <option value="with">{t("people.hasEmail.with")}</option>
            <option value="without">{t("people.hasEmail.without")}</option>
          </select>
        </label>
        <ArchivedFilter value={f.archived} messages="people" />
      </ListFilters>
      <DataTable
        rows={rows}
        columns={columns}
        sortable={personListSpec.sortable}
        caption={t("people.title")}
        state={{ sort: params.sort, dir: params.dir, page: params.page, perPage: params.perPage, total }}
      />
    </section>
  );
}
