import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { can, requireUser } from "#app/auth/access.server.ts";
import { DataTable } from "#app/components/DataTable.tsx";
import { ExportLinks } from "#app/components/ExportLinks.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { RecordPicker } from "#app/components/RecordPicker.tsx";
import { partnershipKinds, partnershipStatuses } from "#app/domain/enums.ts";
import { partnershipListSpec } from "#app/domain/partnership.ts";
import { enumLabel } from "#app/i18n/i18n.ts";
import { OWNER_ROLES, pickerChoices, userChoices } from "#app/models/link-choices.server.ts";
import { listPartnerships, parsePartnershipListParams, type PartnershipRow } from "#app/models/partnerships.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = parsePartnershipListParams(new URL(request.url));
  const page = listPartnerships(user, params);
  return json({
    ...page,
    params,
    canCreate: can(user, "writeRecords"),
    canExport: can(user, "export"),
    owners: userChoices(OWNER_ROLES),
    // Not every organization (100,000 at national scale): the first ones and the chosen one; the picker searches.
    organizations: pickerChoices("organizations", [params.filters.organization]),
  });
}

const column = createColumnHelper<PartnershipRow>();

export default function PartnershipsList() {
  const { rows, total, params, canCreate, canExport, owners, organizations } = useLoaderData<typeof loader>();
  const { t, date, dateTime } = useI18n();
  const columns = [
    column.accessor("title", {
      id: "title",
      header: () => t("partnerships.field.title"),
      cell: (c) => <Link to={`/partnerships/${c.row.original.id}`}>{c.getValue()}</Link>,
    }),
    column.accessor("kind", { id: "kind", header: () => t("partnerships.field.kind"), cell: (c) => enumLabel(t, "partnershipKind", c.getValue()) }),
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
      <div className="page-head">
        <h1>{t("partnerships.title")}</h1>
        {canExport ? <ExportLinks kind="partnerships" /> : null}
        {canCreate ? (
          <Link to="/partnerships/new" className="button primary">
            {t("partnerships.new")}
          </Link>
        ) : null}
      </div>
      <Form method="get" className="filters" role="search">
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
        <input type="hidden" name="perPage" value={params.perPage} />
        <label>
          {t("common.search")}
          <input type="search" name="q" defaultValue={params.q} placeholder={t("partnerships.searchPlaceholder")} />
        </label>
        <label>
          {t("partnerships.field.status")}
          <select name="status" defaultValue={f.status ?? ""}>
            <option value="">{t("common.all")}</option>
            {partnershipStatuses.map((s) => (
              <option key={s} value={s}>{enumLabel(t, "partnershipStatus", s)}</option>
            ))}
          </select>
        </label>
        <label>
          {t("partnerships.field.kind")}
          <select name="kind" defaultValue={f.kind ?? ""}>
            <option value="">{t("common.all")}</option>
            {partnershipKinds.map((k) => (
              <option key={k} value={k}>{enumLabel(t, "partnershipKind", k)}</option>
            ))}
          </select>
        </label>
        <label>
          {t("partnerships.field.owner")}
          <select name="owner" defaultValue={f.owner ? String(f.owner) : ""}>
            <option value="">{t("common.all")}</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>{o.label}</option>
            ))}
          </select>
        </label>
        <RecordPicker kind="organizations" name="organization" label="partnerships.field.organization" choices={organizations} defaultValue={f.organization ?? null} emptyLabel={t("common.all")} plainLabel />
        <button type="submit">{t("common.filter")}</button>
        <Link to="/partnerships">{t("common.clear")}</Link>
      </Form>
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
