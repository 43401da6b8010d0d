// Download of one backup file (admins only, audited). A resource route: it streams the file.
import fs from "node:fs";
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireCapability, requireUser } from "#app/auth/access.server.ts";
import { clientIp } from "#app/server/http.server.ts";
import { openBackupDownload } from "#app/models/backups.server.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "manageBackups");
  const download = openBackupDownload(user, params.name ?? "", clientIp(context));
  if (!download) throw notFound();
  return new Response(createReadableStreamFromReadable(fs.createReadStream(download.file)), {
    headers: {
      "Content-Type": "application/vnd.sqlite3",
      "Content-Length": String(download.size),
      "Content-Disposition": `attachment; filename="${params.name}"`,
      "Cache-Control": "no-store",
    },
  });
}
