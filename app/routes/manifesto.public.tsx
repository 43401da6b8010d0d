// The Manifesto's public page: no sign-in, no session, no scripts. A whole document rendered
// here (not through root.tsx), so its bytes depend only on the published data and the page's
// language: cacheable, with an ETag and 304 on If-None-Match (docs/decisions/020-…).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderToStaticMarkup } from "react-dom/server";
import stylesheet from "#app/components/manifesto-public.css?url";
import { ManifestoPublicPage } from "#app/components/ManifestoPublicPage.tsx";
import { idParam } from "#app/domain/fields.ts";
import { makeTranslate } from "#app/i18n/i18n.ts";
import { etagMatches, publicEtag, publicManifesto } from "#app/models/manifesto-public.server.ts";

/** Shared caches may keep it a minute; after that a revalidation costs a 304. */
const CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const locale = url.searchParams.get("lang") === "en" ? "en" : "bg";
  const requested = url.searchParams.get("v");
  const number = requested === null ? null : idParam.safeParse(requested);
  const data = number === null ? publicManifesto() : number.success ? publicManifesto(number.data) : null;
  // A version that is not published (or does not exist) is simply not there.
  const status = number !== null && !data ? 404 : 200;
  const etag = publicEtag(data, locale, `${stylesheet}|${status}`);
  const headers = new Headers({ "Cache-Control": CACHE_CONTROL, ETag: etag, "Content-Language": locale });
  if (status === 200 && etagMatches(request.headers.get("If-None-Match"), etag)) return new Response(null, { status: 304, headers });
  const html = renderToStaticMarkup(
    <ManifestoPublicPage data={data} locale={locale} t={makeTranslate(locale)} stylesheet={stylesheet} selfPath={url.pathname + url.search} />,
  );
  headers.set("Content-Type", "text/html; charset=utf-8");
  return new Response(`<!DOCTYPE html>${html}`, { status, headers });
}
