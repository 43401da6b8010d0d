import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/auth/access.server.ts";
import { parseIdParam } from "#app/lib/http.server.ts";
import { contentDisposition, readEvidence } from "#app/models/evidence.server.ts";

/** An evidence file, only through the access layer, always as a download of its stored type. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { file, bytes } = readEvidence(user, parseIdParam(params.id));
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(file.originalName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      // Even if a browser rendered it, the file could run nothing.
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
