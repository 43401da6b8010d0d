import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { can, requireUser } from "#app/auth/access.server.ts";
import { DataTable } from "#app/components/DataTable.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { eventKinds } from "#app/domain/enums.ts";
import { eventListSpec } from "#app/domain/event.ts";
import { enumLabel } from "#app/i18n/i18n.ts";
import { eventYears, listEvents, parseEventListParams, type Event } from "#app/models/events.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = parseEventListParams(new URL(request.url));
  const page = listEvents(user, params);
  return json({ ...page, params, years: eventYears(), canCreate: can(user, "writeRecords") });
}

type Row = Pick<Event, "id" | "title" | "kind" | "series" | "startsOn" | "endsOn" | "place">;
const column = createColumnHelper<Row>();

export default function EventsList() {
  const { rows, total, params, years, canCreate } = useLoaderData<typeof loader>();
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
      <div className="page-head">
        <h1>{t("events.title")}</h1>
        {canCreate ? (
          <Link to="/events/new" className="button primary">
            {t("events.new")}
          </Link>
        ) : null}
      </div>
      <Form method="get" className="filters" role="search">
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
        <input type="hidden" name="perPage" value={params.perPage} />
        <label>
          {t("common.search")}
          <input type="search" name="q" defaultValue={params.q} placeholder={t("events.searchPlaceholder")} />
        </label>
        <label>
          {t("events.kind")}
          <select name="kind" defaultValue={f.kind ?? ""}>
            <option value="">{t("common.all")}</option>
            {eventKinds.map((k) => (
              <option key={k} value={k}>{enumLabel(t, "eventKind", k)}</option>
            ))}
          </select>
        </label>
        <label>
          {t("events.year")}
          <select name="year" defaultValue={f.year ?? ""}>
            <option value="">{t("common.all")}</option>
            {years.map((y) => (
              <option key={y} value={y}>{y}</option>
            ))}
          </select>
        </label>
        <button type="submit">{t("common.filter")}</button>
        <Link to="/events">{t("common.clear")}</Link>
      </Form>
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
