// Every list reads its state from the URL through here (DESIGN.md: a filtered, sorted view
// can be bookmarked, shared and exported), clamped so no URL can ask for a huge page.
import { z } from "zod";

export const PER_PAGE_CHOICES = [10, 25, 50, 100] as const;
export const DEFAULT_PER_PAGE = 25;
export const MAX_PAGE = 100_000;

export type ListParams<S extends string, F> = {
  q: string;
  sort: S;
  /** Whether the URL chose the sort: when it did not, a search ranks by how well names match (query.server.ts). */
  sortChosen: boolean;
  dir: "asc" | "desc";
  page: number;
  perPage: number;
  filters: F;
};

export function parseListParams<S extends string, FShape extends z.ZodRawShape>(
  url: URL | URLSearchParams,
  spec: { sortable: readonly [S, ...S[]]; defaultSort: S; defaultDir?: "asc" | "desc"; filters: FShape },
): ListParams<S, z.infer<z.ZodObject<FShape>>> {
  const search = url instanceof URL ? url.searchParams : url;
  const get = (key: string) => search.get(key) ?? undefined;

  const q = (get("q") ?? "").replace(/\u0000/g, "").trim().slice(0, 200);
  const sortChosen = (spec.sortable as readonly string[]).includes(get("sort") ?? "");
  const sort = sortChosen ? (get("sort") as S) : spec.defaultSort;
  const dir = get("dir") === "desc" ? "desc" : get("dir") === "asc" ? "asc" : (spec.defaultDir ?? "asc");
  const perPageRaw = Number.parseInt(get("perPage") ?? "", 10);
  const perPage = (PER_PAGE_CHOICES as readonly number[]).includes(perPageRaw) ? perPageRaw : DEFAULT_PER_PAGE;
  const pageRaw = Number.parseInt(get("page") ?? "", 10);
  const page = Number.isFinite(pageRaw) ? Math.min(Math.max(pageRaw, 1), MAX_PAGE) : 1;

  // A filter value that does not parse is dropped, not an error: a stale bookmark still opens.
  const filters: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(spec.filters)) {
    const parsed = (schema as z.ZodType).safeParse(get(key) || undefined);
    filters[key] = parsed.success ? parsed.data : undefined;
  }
  return { q, sort, sortChosen, dir, page, perPage, filters: filters as z.infer<z.ZodObject<FShape>> };
}

/** The URL of the same list with some parameters changed (page reset unless given). */
export function listHref(current: URLSearchParams, changes: Record<string, string | number | null | undefined>): string {
  const next = new URLSearchParams(current);
  if (!("page" in changes)) next.delete("page");
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === "") next.delete(key);
    else next.set(key, String(value));
  }
  const query = next.toString();
  return query ? `?${query}` : "?";
}
