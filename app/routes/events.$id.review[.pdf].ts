import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/auth/access.server.ts";
import { clientIp, parseIdParam } from "#app/server/http.server.ts";
import { reportDownload } from "#app/models/report-export.server.ts";
import { exportYearReview, reviewLocale } from "#app/models/year-review-export.server.ts";

/** The year in review of a forum edition as a PDF, in the user's language or `?lang=bg|en`. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  return reportDownload(await exportYearReview(user, id, "pdf", reviewLocale(user, new URL(request.url)), { ip: clientIp(context) }));
}
