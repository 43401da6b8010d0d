// Saved views (issue 17 point 4): a list's URL state kept under a name. The lists that have them,
// and how a list URL's query is cleaned before it is kept.

/** The staff lists a view can be saved for; each is also the list's path (/organizations, …). */
export const savedViewKinds = ["organizations", "people", "events", "partnerships", "commitments", "follow-ups", "refugees"] as const;
export type SavedViewKind = (typeof savedViewKinds)[number];

export function isSavedViewKind(value: unknown): value is SavedViewKind {
  return typeof value === "string" && (savedViewKinds as readonly string[]).includes(value);
}

export const SAVED_VIEW_NAME_MAX = 80;
export const SAVED_VIEW_QUERY_MAX = 2000;

/**
 * The query a view keeps: the list's filters, sort and page size, without the page number (a
 * view opens at its first page) or Remix's `index` marker, and without empty values.
 */
export function normalizeViewQuery(query: string): string {
  const params = new URLSearchParams(query.startsWith("?") ? query.slice(1) : query);
  const kept = new URLSearchParams();
  for (const [key, value] of params) {
    if (key === "page" || key === "index" || value === "") continue;
    kept.append(key, value);
  }
  return kept.toString();
}

/** The list URL a saved view opens. */
export function savedViewHref(kind: SavedViewKind, query: string): string {
  return query ? `/${kind}?${query}` : `/${kind}`;
}
