// Search results grouped by kind (the /search page), and the header's search box that shows
// them as you type. Without JavaScript the header box is a plain GET form to /search.
import { Form, Link, useFetcher, useLocation } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { SEARCH_MIN_CHARS, type SearchResults } from "../domain/search.ts";
import { useI18n } from "./i18n.tsx";

/** Waits this long after the last keystroke before asking the server. */
const TYPING_PAUSE_MS = 180;
/** The header list is a preview: the page shows more per kind. */
const PREVIEW_HITS_PER_KIND = 5;

export function SearchGroups({ results, hitsPerKind, compact = false }: { results: SearchResults; hitsPerKind?: number; compact?: boolean }) {
  const { t, date } = useI18n();
  return (
    <div className={compact ? "search-groups compact" : "search-groups"}>
      {results.groups.map((group) => (
        <section key={group.kind} className="search-group" aria-labelledby={`search-kind-${group.kind}${compact ? "-preview" : ""}`}>
          <h2 id={`search-kind-${group.kind}${compact ? "-preview" : ""}`}>{t(`search.kind.${group.kind}`)}</h2>
          <ul>
            {group.hits.slice(0, hitsPerKind).map((hit) => (
              <li key={hit.id}>
                <Link to={hit.href}>{hit.title}</Link>
                {hit.detail || hit.date ? (
                  <span className="search-hit-detail">{[hit.detail, date(hit.date)].filter(Boolean).join(" · ")}</span>
                ) : null}
              </li>
            ))}
          </ul>
          {!compact && group.moreHref ? <Link to={group.moreHref}>{t("search.showAll")}</Link> : null}
        </section>
      ))}
    </div>
  );
}

export function HeaderSearch() {
  const { t } = useI18n();
  const fetcher = useFetcher<SearchResults>();
  const location = useLocation();
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const listId = useId();
  const container = useRef<HTMLFormElement>(null);
  const input = useRef<HTMLInputElement>(null);

  // Whatever was typed before the page's JavaScript arrived counts too.
  useEffect(() => {
    if (input.current?.value) setQ(input.current.value);
  }, []);

  // Ask for results once the user pauses typing; the fetcher drops answers to older keystrokes.
  useEffect(() => {
    const typed = q.trim();
    if (typed.length < SEARCH_MIN_CHARS) {
      setOpen(false);
      return;
    }
    const timer = setTimeout(() => {
      fetcher.load(`/search?q=${encodeURIComponent(typed)}`);
      setOpen(true);
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
    // fetcher.load is stable enough; depending on the fetcher object would reload on every answer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  // Following a hit closes the list.
  useEffect(() => setOpen(false), [location.pathname, location.search]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") setOpen(false);
  };
  const results = fetcher.data;
  const showList = open && q.trim().length >= SEARCH_MIN_CHARS && (results !== undefined || fetcher.state === "loading");

  return (
    <Form
      method="get"
      action="/search"
      role="search"
      className="header-search"
      ref={container}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (!container.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <label htmlFor={`${listId}-q`} className="visually-hidden">
        {t("search.label")}
      </label>
      <input
        id={`${listId}-q`}
        type="search"
        name="q"
        ref={input}
        onChange={(event) => setQ(event.target.value)}
        onFocus={() => q.trim().length >= SEARCH_MIN_CHARS && setOpen(true)}
        placeholder={t("search.placeholder")}
        autoComplete="off"
        aria-controls={listId}
        aria-expanded={showList}
      />
      <button type="submit">{t("search.submit")}</button>
      <div id={listId} className="header-search-results" role="region" aria-label={t("search.resultsLabel")} aria-live="polite" hidden={!showList}>
        {!showList ? null : results === undefined ? (
          <p>{t("search.loading")}</p>
        ) : results.groups.length === 0 ? (
          <p>{t("search.noResults", { q: results.q })}</p>
        ) : (
          <>
            <SearchGroups results={results} hitsPerKind={PREVIEW_HITS_PER_KIND} compact />
            <Link to={`/search?q=${encodeURIComponent(results.q)}`} className="header-search-all">
              {t("search.showAll")}
            </Link>
          </>
        )}
      </div>
    </Form>
  );
}
