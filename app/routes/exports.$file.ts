// `/exports/<kind>.<format>?<the list's URL parameters>`: the file of exactly that list view.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireCapability, requireUser } from "#app/auth/access.server.ts";
import { isExportFormat, isExportKind } from "#app/domain/exports.ts";
import { clientIp } from "#app/server/http.server.ts";
import { exportResponse } from "#app/models/exports.server.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // Refused before the file name is even looked at: a partner learns nothing (404), staff get 403.
  requireCapability(user, "export");
  const match = /^([a-z-]+)\.([a-z]+)$/.exec(params.file ?? "");
  const [kind, format] = [match?.[1] ?? "", match?.[2] ?? ""];
  if (!isExportKind(kind) || !isExportFormat(format)) throw notFound();
  const response = exportResponse(user, kind, format, new URL(request.url).searchParams, { ip: clientIp(context) });
  if (!response) throw notFound();
  return response;
}
