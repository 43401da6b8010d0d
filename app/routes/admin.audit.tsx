import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { requireUser } from "#app/auth/access.server.ts";
import { DataTable } from "#app/components/DataTable.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { auditListSpec } from "#app/domain/audit.ts";
import { listAuditEntries, parseAuditListParams } from "#app/models/audit-log.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = parseAuditListParams(new URL(request.url));
  return json({ ...listAuditEntries(user, params), params });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];
const column = createColumnHelper<Row>();

export default function AuditLog() {
  const { rows, total, params } = useLoaderData<typeof loader>();
  const { t, dateTime } = useI18n();
  const columns = [
    column.accessor("at", { id: "at", header: () => t("audit.at"), cell: (c) => dateTime(c.getValue()) }),
    column.accessor("userName", { id: "user", header: () => t("audit.user"), cell: (c) => c.getValue() ?? t("common.none") }),
    column.accessor("action", { id: "action", header: () => t("audit.action"), cell: (c) => t(`audit.action.${c.getValue()}` as MessageKey) }),
    column.accessor((r) => `${r.entityType}${r.entityId ? ` #${r.entityId}` : ""}`, { id: "entity", header: () => t("audit.entity") }),
    column.accessor("changes", { id: "changes", header: () => t("audit.changes"), cell: (c) => <code className="changes">{c.getValue() ?? c.row.original.detail ?? ""}</code> }),
    column.accessor("ip", { id: "ip", header: () => t("audit.ip"), cell: (c) => c.getValue() ?? "" }),
  ];
  return (
    <section>
      <h1>{t("audit.title")}</h1>
      <DataTable rows={rows} columns={columns} sortable={auditListSpec.sortable} caption={t("audit.title")}
        state={{ sort: params.sort, dir: params.dir, page: params.page, perPage: params.perPage, total }} />
    </section>
  );
}
