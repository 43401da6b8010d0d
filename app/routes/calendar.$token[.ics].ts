import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "#app/auth/access.server.ts";
import { appBaseUrl } from "#app/env.server.ts";
import { calendarFeed } from "#app/models/calendar.server.ts";

// No session here: calendar apps fetch the feed with the secret token in the URL only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const feed = calendarFeed(params.token ?? "", appBaseUrl(request));
  if (feed === null) throw notFound();
  return new Response(feed, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="bcrm.ics"',
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
