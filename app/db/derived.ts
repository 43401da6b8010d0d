// Columns computed from others (transliteration, sort and search keys, NIEM area).
// Every writer — forms, imports, seeds — goes through these, so keys never drift.
import { niemAreaOf, type NiemDimension } from "../domain/enums.ts";
import { searchKeyOf, sortKey, transliterate } from "../lib/transliterate.ts";

type Maybe = string | null | undefined;

export function organizationKeys(o: { name: string; municipality?: Maybe; email?: Maybe; description?: Maybe }) {
  return {
    nameLatin: transliterate(o.name),
    sortKey: sortKey(o.name),
    searchKey: searchKeyOf(o.name, o.municipality, o.email),
  };
}

export function personKeys(p: { name: string; email?: Maybe; position?: Maybe }) {
  return { nameLatin: transliterate(p.name), sortKey: sortKey(p.name), searchKey: searchKeyOf(p.name, p.email, p.position) };
}

export function refugeeContactKeys(r: { name: string }) {
  return { sortKey: sortKey(r.name), searchKey: searchKeyOf(r.name) };
}

export function titledKeys(r: { title: string; extra?: Maybe }) {
  return { sortKey: sortKey(r.title), searchKey: searchKeyOf(r.title, r.extra) };
}

export function commitmentDerived(c: { title: string; niemDimension: NiemDimension }) {
  return { ...titledKeys({ title: c.title }), niemArea: niemAreaOf(c.niemDimension) };
}

export function interactionKeys(i: { subject: string; body?: Maybe }) {
  return { searchKey: searchKeyOf(i.subject) };
}

/** Derived columns are not audited: they follow from the fields that are. */
export const derivedColumns = new Set(["nameLatin", "sortKey", "searchKey", "niemArea"]);

/** Stories are found by their title, summary and text. */
export function storyKeys(s: { title: string; summary?: Maybe; body?: Maybe }) {
  return { sortKey: sortKey(s.title), searchKey: searchKeyOf(s.title, s.summary, s.body) };
}
