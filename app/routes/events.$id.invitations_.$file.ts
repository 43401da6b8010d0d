// `/events/:id/invitations/<invitees|attendance>.<csv|xlsx>`: an event's invitees or attendance as a file.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireCapability, requireUser } from "#app/auth/access.server.ts";
import { isExportFormat } from "#app/domain/exports.ts";
import { clientIp, parseIdParam } from "#app/server/http.server.ts";
import { eventListExportResponse, eventListKinds, type EventListKind } from "#app/models/exports.server.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // Refused before anything is looked up: a partner learns nothing (404), staff without exports 403.
  requireCapability(user, "export");
  const eventId = parseIdParam(params.id);
  const match = /^([a-z]+)\.([a-z]+)$/.exec(params.file ?? "");
  const [kind, format] = [match?.[1] ?? "", match?.[2] ?? ""];
  if (!(eventListKinds as readonly string[]).includes(kind) || !isExportFormat(format)) throw notFound();
  return eventListExportResponse(user, eventId, kind as EventListKind, format, { ip: clientIp(context) });
}
