import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DEFAULT_PER_PAGE, MAX_PAGE, parseListParams } from "./list-params.ts";

const spec = { sortable: ["name", "updated"] as const, defaultSort: "name" as const, filters: { kind: z.enum(["ngo", "business"]) } };
const parse = (query: string) => parseListParams(new URLSearchParams(query), spec);

describe("list URL parameters are clamped", () => {
  it("perPage is one of the offered sizes, whatever the URL asks", () => {
    for (const asked of ["1000000", "-5", "0", "abc", "25.5e3", "", "99"]) expect(parse(`perPage=${asked}`).perPage).toBe(DEFAULT_PER_PAGE);
    expect(parse("perPage=100").perPage).toBe(100);
  });

  it("page stays between 1 and MAX_PAGE", () => {
    expect(parse("page=0").page).toBe(1);
    expect(parse("page=-3").page).toBe(1);
    expect(parse("page=abc").page).toBe(1);
    expect(parse("page=99999999999999999999").page).toBe(MAX_PAGE);
    expect(parse("page=1000").page).toBe(1000);
  });

  it("unknown sort, direction and filter values fall back instead of failing", () => {
    expect(parse("sort=password_hash&dir=sideways&kind=<script>")).toMatchObject({ sort: "name", dir: "asc", filters: { kind: undefined } });
  });

  it("q loses NUL bytes and is cut at 200 characters", () => {
    expect(parse(`q=${"а".repeat(5000)}%00`).q).toHaveLength(200);
    expect(parse("q=a%00b").q).toBe("ab");
  });
});
