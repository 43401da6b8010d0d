import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/auth/access.server.ts";
import { parseIdParam } from "#app/server/http.server.ts";
import { evidenceOpensInBrowser } from "#app/domain/evidence.ts";
import { contentDisposition, readEvidence } from "#app/models/evidence.server.ts";

/** An evidence file, only through the access layer, as its stored type: PDF and images open in the browser, others download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { file, bytes } = readEvidence(user, parseIdParam(params.id));
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(file.originalName, evidenceOpensInBrowser(file.mimeType) ? "inline" : "attachment"),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      // Shown inline or not, the file can run nothing and is never taken for another type.
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
