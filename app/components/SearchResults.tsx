// Search results grouped by kind (the /search page), and the header's search box that suggests
// records as you type. Without JavaScript the header box is a plain GET form to /search.
import { Form, Link, useFetcher, useLocation, useNavigate } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { SEARCH_MIN_CHARS, type SearchResults } from "../domain/search.ts";
import { useI18n } from "./i18n.tsx";

/** Waits this long after the last keystroke before asking the server. */
const TYPING_PAUSE_MS = 180;
/** The header list is a preview: the page shows more per kind. */
const PREVIEW_HITS_PER_KIND = 5;

export function SearchGroups({ results }: { results: SearchResults }) {
  const { t, date } = useI18n();
  return (
    <div className="search-groups">
      {results.groups.map((group) => (
        <section key={group.kind} className="search-group" aria-labelledby={`search-kind-${group.kind}`}>
          <h2 id={`search-kind-${group.kind}`}>{t(`search.kind.${group.kind}`)}</h2>
          <ul>
            {group.hits.map((hit) => (
              <li key={hit.id}>
                <Link to={hit.href}>{hit.title}</Link>
                {hit.detail || hit.date ? (
                  <span className="search-hit-detail">{[hit.detail, date(hit.date)].filter(Boolean).join(" · ")}</span>
                ) : null}
              </li>
            ))}
          </ul>
          {group.moreHref ? <Link to={group.moreHref}>{t("search.showAll")}</Link> : null}
        </section>
      ))}
    </div>
  );
}

type Suggestion = { id: string; href: string; title: string; detail: string };

/**
 * The header's search box: a WAI-ARIA combobox (list autocomplete). Typing asks /search for
 * suggestions; ArrowDown/ArrowUp move through them (aria-activedescendant, focus stays in the
 * box), Enter opens the chosen one, Enter on the text searches, Escape, leaving the box or any
 * navigation closes the list.
 */
export function HeaderSearch() {
  const { t, date } = useI18n();
  const fetcher = useFetcher<SearchResults>();
  const location = useLocation();
  const navigate = useNavigate();
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const baseId = useId();
  const inputId = `${baseId}-q`;
  const listId = `${baseId}-list`;
  const popup = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const close = () => {
    clearTimeout(timer.current);
    setOpen(false);
    setActive(-1);
  };

  // Whatever was typed before the page's JavaScript arrived counts too.
  useEffect(() => {
    if (input.current?.value) setQ(input.current.value);
    return () => clearTimeout(timer.current);
  }, []);

  // Any navigation (a suggestion, the search page, a link elsewhere) closes the list. A pending
  // keystroke timer goes too, so a late answer cannot reopen it over the new page.
  useEffect(close, [location.key]);

  const typed = q.trim();
  // Only an answer to what is in the box now: an older one would offer the wrong records.
  const results = fetcher.data && fetcher.data.q === typed ? fetcher.data : undefined;
  const suggestions: Suggestion[] = [];
  const groups = (results?.groups ?? []).map((group) => ({
    kind: group.kind,
    options: group.hits.slice(0, PREVIEW_HITS_PER_KIND).map((hit) => {
      const option = {
        id: `${baseId}-option-${suggestions.length}`,
        href: hit.href,
        title: hit.title,
        detail: [hit.detail, date(hit.date)].filter(Boolean).join(" · "),
      };
      suggestions.push(option);
      return option;
    }),
  }));
  const showAll: Suggestion | null = results?.groups.length
    ? { id: `${baseId}-option-all`, href: `/search?q=${encodeURIComponent(results.q)}`, title: t("search.showAll"), detail: "" }
    : null;
  if (showAll) suggestions.push(showAll);
  const popupOpen = open && typed.length >= SEARCH_MIN_CHARS;
  const expanded = popupOpen && suggestions.length > 0;
  const activeOption = expanded && active >= 0 ? suggestions[active] : undefined;

  const onChange = (value: string) => {
    setQ(value);
    setActive(-1);
    clearTimeout(timer.current);
    const next = value.trim();
    if (next.length < SEARCH_MIN_CHARS) {
      setOpen(false);
      return;
    }
    // Ask once the user pauses typing; the fetcher drops answers to older keystrokes.
    timer.current = setTimeout(() => {
      fetcher.load(`/search?q=${encodeURIComponent(next)}`);
      setOpen(true);
    }, TYPING_PAUSE_MS);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        if (!results || !suggestions.length) return;
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        if (!expanded) {
          setOpen(true);
          setActive(step === 1 ? 0 : suggestions.length - 1);
        } else {
          setActive((current) => (current < 0 ? (step === 1 ? 0 : suggestions.length - 1) : (current + step + suggestions.length) % suggestions.length));
        }
        return;
      }
      case "Escape":
        // Open: close the list and keep the text. Closed: the search box's own Escape clears it.
        if (popupOpen) {
          event.preventDefault();
          close();
        }
        return;
      case "Enter":
        if (activeOption) {
          event.preventDefault();
          close();
          navigate(activeOption.href);
        }
        // Otherwise the form submits: the full search for the text.
        return;
    }
  };

  const option = (o: Suggestion, className?: string) => {
    const index = suggestions.indexOf(o);
    return (
      <Link
        key={o.id}
        id={o.id}
        to={o.href}
        role="option"
        tabIndex={-1}
        aria-selected={index === active}
        className={className}
        onMouseMove={() => setActive(index)}
      >
        <span className="search-hit-title">{o.title}</span>
        {o.detail ? <span className="search-hit-detail">{o.detail}</span> : null}
      </Link>
    );
  };

  const status = !popupOpen
    ? ""
    : results === undefined
      ? t("search.loading")
      : results.groups.length === 0
        ? t("search.noResults", { q: results.q })
        : t("search.suggestionCount", { count: suggestions.length - 1 });

  return (
    <Form
      method="get"
      action="/search"
      role="search"
      aria-label={t("search.label")}
      className="header-search"
      onSubmit={close}
    >
      <label htmlFor={inputId} className="visually-hidden">
        {t("search.label")}
      </label>
      <input
        id={inputId}
        type="search"
        name="q"
        ref={input}
        role="combobox"
        aria-autocomplete="list"
        aria-controls={listId}
        aria-expanded={expanded}
        aria-activedescendant={activeOption?.id}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        // Focus leaving the box closes the list (the options themselves never take focus).
        onBlur={(event) => {
          if (!popup.current?.contains(event.relatedTarget as Node | null)) close();
        }}
        placeholder={t("search.placeholder")}
        autoComplete="off"
      />
      <button type="submit">{t("search.submit")}</button>
      <span className="visually-hidden" aria-live="polite">
        {status}
      </span>
      {/* A press in the list keeps the focus in the box, so the list does not close before the click lands. */}
      <div className="header-search-results" hidden={!popupOpen} ref={popup} onMouseDown={(event) => event.preventDefault()}>
        {popupOpen && !expanded ? <p>{status}</p> : null}
        <div id={listId} role="listbox" aria-label={t("search.resultsLabel")}>
          {expanded
            ? groups.map((group) => (
                <div key={group.kind} role="group" aria-labelledby={`${baseId}-${group.kind}`}>
                  <div role="presentation" id={`${baseId}-${group.kind}`} className="search-group-label">
                    {t(`search.kind.${group.kind}`)}
                  </div>
                  {group.options.map((o) => option(o))}
                </div>
              ))
            : null}
          {expanded && showAll ? option(showAll, "header-search-all") : null}
        </div>
      </div>
    </Form>
  );
}
