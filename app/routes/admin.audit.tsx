import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { can, requireUser } from "#app/auth/access.server.ts";
import { ChangeList } from "#app/components/ChangeHistory.tsx";
import { DataTable } from "#app/components/DataTable.tsx";
import { ExportLinks } from "#app/components/ExportLinks.tsx";
import { FilterSelect } from "#app/components/ListPage.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { auditListSpec } from "#app/domain/audit.ts";
import { entityTypes } from "#app/domain/enums.ts";
import { auditFilterChoices, listAuditEntries, parseAuditListParams } from "#app/models/audit-log.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = parseAuditListParams(new URL(request.url));
  return json({ ...listAuditEntries(user, params), params, choices: auditFilterChoices(user), canExport: can(user, "export") });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];
const column = createColumnHelper<Row>();

export default function AuditLog() {
  const { rows, total, params, choices, canExport } = useLoaderData<typeof loader>();
  const { t, dateTime, date } = useI18n();
  const { filters } = params;
  const columns = [
    column.accessor("at", { id: "at", header: () => t("audit.at"), cell: (c) => dateTime(c.getValue()) }),
    column.accessor("userName", { id: "user", header: () => t("audit.user"), cell: (c) => c.getValue() ?? t("common.none") }),
    column.accessor("action", { id: "action", header: () => t("audit.action"), cell: (c) => t(`audit.action.${c.getValue()}` as MessageKey) }),
    column.accessor("entityId", {
      id: "entity",
      header: () => t("audit.entity"),
      cell: (c) => {
        const r = c.row.original;
        const kind = t(`audit.kind.${r.entityType}` as MessageKey);
        const text = r.entityId ? t("audit.record", { kind, id: String(r.entityId) }) : kind;
        return r.href ? <Link to={r.href}>{text}</Link> : text;
      },
    }),
    column.accessor("changes", {
      id: "changes",
      header: () => t("audit.changes"),
      cell: (c) => {
        const r = c.row.original;
        return r.changes.length ? <ChangeList changes={r.changes} /> : <code className="changes">{r.detail ?? ""}</code>;
      },
    }),
    column.accessor("ip", { id: "ip", header: () => t("audit.ip"), cell: (c) => c.getValue() ?? "" }),
  ];
  return (
    <section>
      <div className="page-head">
        <h1>{t("audit.title")}</h1>
        {canExport ? <ExportLinks kind="audit" /> : null}
      </div>
      <Form method="get" className="filters" aria-label={t("audit.filters")}>
        <input type="hidden" name="dir" value={params.dir} />
        <input type="hidden" name="perPage" value={params.perPage} />
        <FilterSelect name="user" label={t("audit.filterUser")} value={filters.user} options={choices.users.map((u) => ({ value: u.id, label: u.name }))} />
        <FilterSelect
          name="action"
          label={t("audit.filterAction")}
          value={filters.action}
          options={choices.actions.map((a) => ({ value: a, label: t(`audit.action.${a}` as MessageKey) }))}
        />
        <FilterSelect
          name="entityType"
          label={t("audit.filterKind")}
          value={filters.entityType}
          options={entityTypes.map((k) => ({ value: k, label: t(`audit.kind.${k}` as MessageKey) }))}
        />
        <label>
          {t("audit.filterRecord")}
          <input name="entityId" inputMode="numeric" size={8} defaultValue={filters.entityId ?? ""} />
        </label>
        <label>
          {t("audit.from")}
          <input name="from" size={10} defaultValue={filters.from ? date(filters.from) : ""} placeholder={t("common.dateHint")} />
        </label>
        <label>
          {t("audit.to")}
          <input name="to" size={10} defaultValue={filters.to ? date(filters.to) : ""} placeholder={t("common.dateHint")} />
        </label>
        <button type="submit">{t("common.filter")}</button>
        <Link to="/admin/audit">{t("common.clear")}</Link>
      </Form>
      <DataTable rows={rows} columns={columns} sortable={auditListSpec.sortable} caption={t("audit.title")}
        state={{ sort: params.sort, dir: params.dir, page: params.page, perPage: params.perPage, total }} />
    </section>
  );
}
