// `/manifesto/export/<proposals|endorsers|report>.<csv|xlsx>?<the proposals list's filters>`.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireCapability, requireUser } from "#app/auth/access.server.ts";
import { manifestoExportKinds, parseProposalFilters, type ManifestoExportKind } from "#app/domain/manifesto.ts";
import { clientIp } from "#app/server/http.server.ts";
import { reportDownload } from "#app/models/report-export.server.ts";
import { exportManifesto } from "#app/models/manifesto-reports.server.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // Refused before the file name is looked at: a partner learns nothing (404), staff without the right get 403.
  requireCapability(user, "export");
  const match = /^([a-z]+)\.(csv|xlsx)$/.exec(params.file ?? "");
  const kind = match?.[1] as ManifestoExportKind | "report" | undefined;
  if (!match || !kind || !([...manifestoExportKinds, "report"] as string[]).includes(kind)) throw notFound();
  const filters = parseProposalFilters(new URL(request.url).searchParams);
  return reportDownload(await exportManifesto(user, kind, match[2] as "csv" | "xlsx", filters, { ip: clientIp(context) }));
}
