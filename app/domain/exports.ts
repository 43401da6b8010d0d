// The standard exports (DESIGN.md: /exports and /exports/<kind>.<format>), shared by the
// resource route, the /exports page and the Export button on each list.

export const exportKinds = ["organizations", "people", "partnerships", "commitments", "follow-ups"] as const;
export type ExportKind = (typeof exportKinds)[number];

export const exportFormats = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Exports of views only some users have (the audit log: admins); not listed on /exports. */
export const restrictedExportKinds = ["audit"] as const;
export type AnyExportKind = ExportKind | (typeof restrictedExportKinds)[number];

export function isExportKind(value: string): value is AnyExportKind {
  return (exportKinds as readonly string[]).includes(value) || (restrictedExportKinds as readonly string[]).includes(value);
}

export function isExportFormat(value: string): value is ExportFormat {
  return (exportFormats as readonly string[]).includes(value);
}

/** List parameters that only page the view: an export always has every row, so they are dropped. */
const pagingParams = new Set(["page", "perPage"]);

/** The URL of an export of exactly the list view whose search parameters are given. */
export function exportHref(kind: AnyExportKind, format: ExportFormat, search: URLSearchParams | string = ""): string {
  const params = new URLSearchParams(search);
  for (const key of [...params.keys()]) if (pagingParams.has(key)) params.delete(key);
  const query = params.toString();
  return `/exports/${kind}.${format}${query ? `?${query}` : ""}`;
}

/** The list parameters an export keeps (for its audit entry): everything but paging and empty values. */
export function exportFilters(search: URLSearchParams): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const [key, value] of search) if (!pagingParams.has(key) && value !== "") filters[key] = value.slice(0, 200);
  return filters;
}
