import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { can, requireUser } from "#app/auth/access.server.ts";
import { DataTable } from "#app/components/DataTable.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { FilterSelect, ListFilters, ListHeading } from "#app/components/ListPage.tsx";
import { eventKinds } from "#app/domain/enums.ts";
import { eventListSpec } from "#app/domain/event.ts";
import { enumLabel } from "#app/i18n/i18n.ts";
import { eventYears, listEvents, parseEventListParams, type Event } from "#app/models/events.server.ts";
import { savedViewsFor } from "#app/models/saved-views.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = parseEventListParams(new URL(request.url));
  const page = listEvents(user, params);
  return json({
    savedViews: savedViewsFor(user, "events"), ...page, params, years: eventYears(), canCreate: can(user, "writeRecords") });
}

type Row = Pick<Event, "id" | "title" | "kind" | "series" | "startsOn" | "endsOn" | "place">;
const column = createColumnHelper<Row>();

export default function EventsList() {
  const { rows, total, params, years, canCreate, savedViews } = useLoaderData<typeof loader>();
  const { t, date } = useI18n();
  const columns = [
    column.accessor("startsOn", {
      id: "date",
      header: () => t("events.date"),
      cell: (c) => {
        const { startsOn, endsOn } = c.row.original;
        return endsOn && endsOn !== startsOn ? `${date(startsOn)} – ${date(endsOn)}` : date(startsOn);
      },
    }),
    column.accessor("title", {
      id: "title",
      header: () => t("events.eventTitle"),
      cell: (c) => <Link to={`/events/${c.row.original.id}`}>{c.getValue()}</Link>,
    }),
    column.accessor("kind", { id: "kind", header: () => t("events.kind"), cell: (c) => enumLabel(t, "eventKind", c.getValue()) }),
    column.accessor("series", { id: "series", header: () => t("events.series"), cell: (c) => c.getValue() ?? "" }),
    column.accessor("place", { id: "place", header: () => t("events.place"), cell: (c) => c.getValue() ?? "" }),
  ];
  const f = params.filters;
  return (
    <section>
      <ListHeading
        savedViews={{ kind: "events", views: savedViews }}
        title={t("events.title")}
        newLink={canCreate ? { to: "/events/new", label: t("events.new") } : null}
      />
      <ListFilters params={params} searchPlaceholder={t("events.searchPlaceholder")} clearTo="/events">
        <FilterSelect name="kind" label={t("events.kind")} value={f.kind}
          options={eventKinds.map((k) => ({ value: k, label: enumLabel(t, "eventKind", k) }))} />
        <FilterSelect name="year" label={t("events.year")} value={f.year}
          options={years.map((y) => ({ value: y, label: y }))} />
      </ListFilters>
      <DataTable
        rows={rows}
        columns={columns}
        sortable={eventListSpec.sortable}
        caption={t("events.title")}
        state={{ sort: params.sort, dir: params.dir, page: params.page, perPage: params.perPage, total }}
      />
    </section>
  );
}
