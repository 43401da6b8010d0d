import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/auth/access.server.ts";
import { clientIp } from "#app/server/http.server.ts";
import { exportReport, reportDownload } from "#app/models/report-export.server.ts";
import { parseReportFilters } from "#app/models/reports.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { filters } = parseReportFilters(new URL(request.url));
  return reportDownload(await exportReport(user, filters, "xlsx", { ip: clientIp(context) }));
}
