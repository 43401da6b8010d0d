// The kinds of record one search looks into, in the order their groups are shown.
// Shared by the search model, the /search page and the header's as-you-type list.

export const searchKinds = [
  "organizations",
  "people",
  "events",
  "partnerships",
  "commitments",
  "followUps",
  "interactions",
  "refugees",
  "stories",
] as const;
export type SearchKind = (typeof searchKinds)[number];

/** Hits shown per kind; the group links to its full list when there are more. */
export const SEARCH_HITS_PER_KIND = 10;
/** The header asks for results once this many characters are typed. */
export const SEARCH_MIN_CHARS = 2;

export type SearchHit = {
  id: number;
  title: string;
  /** A second line: municipality, organization, project… */
  detail: string | null;
  /** `YYYY-MM-DD` (event date, due date, interaction date), formatted by the page. */
  date: string | null;
  href: string;
};

export type SearchGroup = {
  kind: SearchKind;
  hits: SearchHit[];
  /** More hits than shown: the full, filtered list of that kind (staff only), else null. */
  moreHref: string | null;
  more: boolean;
};

export type SearchResults = {
  q: string;
  groups: SearchGroup[];
  /** True when the user searches only inside their organization's shared items (partners). */
  scoped: boolean;
};
