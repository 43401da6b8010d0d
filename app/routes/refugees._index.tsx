import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { can, requireUser } from "#app/auth/access.server.ts";
import { DataTable } from "#app/components/DataTable.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { FilterSelect, ListFilters, ListHeading } from "#app/components/ListPage.tsx";
import { consentStates, refugeeListSpec } from "#app/domain/refugee.ts";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { listRefugeeContacts, parseRefugeeListParams, refugeeCountryChoices, type RefugeeListRow } from "#app/models/refugees.server.ts";
import { savedViewsFor } from "#app/models/saved-views.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = parseRefugeeListParams(new URL(request.url));
  const page = listRefugeeContacts(user, params);
  return json({
    savedViews: savedViewsFor(user, "refugees"), ...page, params, countries: refugeeCountryChoices(user), canCreate: can(user, "writeRefugeeContacts") });
}

type Row = Omit<RefugeeListRow, never>;
const column = createColumnHelper<Row>();

export default function RefugeesList() {
  const { rows, total, params, countries, canCreate, savedViews } = useLoaderData<typeof loader>();
  const { t, dateTime } = useI18n();
  const columns = [
    column.accessor("name", {
      id: "name",
      header: () => t("refugees.name"),
      cell: (c) => {
        const r = c.row.original;
        return (
          <>
            <Link to={`/refugees/${r.id}`}>{r.erasedAt ? t("refugees.erasedName", { id: r.id }) : r.name}</Link>
            {r.erasedAt ? (
              <span className="badge">{t("refugees.erased")}</span>
            ) : r.flagged ? (
              <span className="badge badge-warning" data-flag="no-consent">{t("refugees.flag")}</span>
            ) : null}
          </>
        );
      },
    }),
    column.accessor("languages", { id: "languages", header: () => t("refugees.languages"), cell: (c) => c.getValue() ?? "" }),
    column.accessor("countryOfOrigin", { id: "country", header: () => t("refugees.countryOfOrigin"), cell: (c) => c.getValue() ?? "" }),
    column.accessor("updatedAt", { id: "updated", header: () => t("common.updated"), cell: (c) => dateTime(c.getValue()) }),
  ];
  const f = params.filters;
  return (
    <section>
      <ListHeading
        savedViews={{ kind: "refugees", views: savedViews }} title={t("refugees.title")} newLink={canCreate ? { to: "/refugees/new", label: t("refugees.new") } : null} />
      <p className="notice">{t("refugees.gdprNotice")}</p>
      <ListFilters params={params} searchPlaceholder={t("refugees.searchPlaceholder")} clearTo="/refugees">
        <FilterSelect name="consent" label={t("refugees.consentState")} value={f.consent}
          options={consentStates.map((s) => ({ value: s, label: t(`refugees.consentState.${s}` as MessageKey) }))} />
        <FilterSelect name="country" label={t("refugees.countryOfOrigin")} value={f.country}
          options={countries.map((c) => ({ value: c, label: c }))} />
      </ListFilters>
      <DataTable
        rows={rows}
        columns={columns}
        sortable={refugeeListSpec.sortable}
        caption={t("refugees.title")}
        state={{ sort: params.sort, dir: params.dir, page: params.page, perPage: params.perPage, total }}
      />
    </section>
  );
}
