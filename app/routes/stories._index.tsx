import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { can, requireUser } from "#app/auth/access.server.ts";
import { DataTable } from "#app/components/DataTable.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { FilterSelect, ListFilters, ListHeading } from "#app/components/ListPage.tsx";
import { storyStates } from "#app/domain/enums.ts";
import { storyListSpec } from "#app/domain/story.ts";
import { enumLabel } from "#app/i18n/i18n.ts";
import { eventChoices } from "#app/models/link-choices.server.ts";
import { listStories, parseStoryListParams, type StoryRow } from "#app/models/stories.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = parseStoryListParams(new URL(request.url));
  const page = listStories(user, params);
  return json({ ...page, params, events: eventChoices(), canCreate: can(user, "writeStories") });
}

const column = createColumnHelper<StoryRow>();

export default function StoriesList() {
  const { rows, total, params, events, canCreate } = useLoaderData<typeof loader>();
  const { t, dateTime, number } = useI18n();
  const columns = [
    column.accessor("title", {
      id: "title",
      header: () => t("stories.field.title"),
      cell: (c) => <Link to={`/stories/${c.row.original.id}`}>{c.getValue()}</Link>,
    }),
    column.accessor("eventTitle", { id: "event", header: () => t("stories.field.event"), cell: (c) => c.getValue() ?? t("common.none") }),
    column.accessor("state", { id: "state", header: () => t("stories.field.state"), cell: (c) => enumLabel(t, "storyState", c.getValue()) }),
    column.accessor("people", { id: "people", header: () => t("stories.field.peopleCount"), cell: (c) => number(c.getValue()) }),
    column.accessor("updatedAt", { id: "updated", header: () => t("common.updated"), cell: (c) => dateTime(c.getValue()) }),
  ];
  const f = params.filters;
  return (
    <section>
      <ListHeading title={t("stories.title")} newLink={canCreate ? { to: "/stories/new", label: t("stories.new") } : null} />
      <p className="notice">{t("stories.notice")}</p>
      <ListFilters params={params} searchPlaceholder={t("stories.searchPlaceholder")} clearTo="/stories">
        <FilterSelect name="state" label={t("stories.field.state")} value={f.state}
          options={storyStates.map((s) => ({ value: s, label: enumLabel(t, "storyState", s) }))} />
        <FilterSelect name="event" label={t("stories.field.event")} value={f.event}
          options={events.map((e) => ({ value: e.id, label: e.label }))} />
      </ListFilters>
      <DataTable
        rows={rows}
        columns={columns}
        sortable={storyListSpec.sortable}
        caption={t("stories.title")}
        state={{ sort: params.sort, dir: params.dir, page: params.page, perPage: params.perPage, total }}
      />
    </section>
  );
}
