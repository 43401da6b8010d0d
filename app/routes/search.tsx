import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { SearchGroups } from "#app/components/SearchResults.tsx";
import type { SearchResults } from "#app/domain/search.ts";
import { search } from "#app/models/search.server.ts";

/** One search over every kind the user may see; also feeds the header's as-you-type list. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const q = new URL(request.url).searchParams.get("q") ?? "";
  const results: SearchResults = search(user, q);
  return json(results);
}

export default function SearchPage() {
  const results = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <section className="search-page">
      <h1>{results.q ? t("search.resultsFor", { q: results.q }) : t("search.title")}</h1>
      <Form method="get" action="/search" role="search" aria-label={t("search.title")} className="filters">
        <label>
          {t("search.label")}
          <input type="search" name="q" defaultValue={results.q} placeholder={t("search.placeholder")} />
        </label>
        <button type="submit">{t("search.submit")}</button>
      </Form>
      {results.scoped ? <p className="hint">{t("search.scopedNote")}</p> : null}
      {!results.q ? (
        <p>{t("search.prompt")}</p>
      ) : results.groups.length === 0 ? (
        <p role="status">{t("search.noResults", { q: results.q })}</p>
      ) : (
        <SearchGroups results={results} />
      )}
    </section>
  );
}
