// CSV import: which fields each kind takes, and how columns and values of old spreadsheets
// (Bulgarian or English headers, labels instead of codes) are recognised. Pure; shared by the
// import model, the preview page and the tests.
import {
  commitmentKinds,
  niemDimensions,
  oblasts,
  organizationKinds,
  type CommitmentKind,
  type NiemDimension,
  type Oblast,
  type OrganizationKind,
} from "./enums.ts";
import { readDate } from "./dates.ts";
import { withWebScheme } from "./fields.ts";
import { dictionaries } from "../i18n/i18n.ts";
import { searchKey } from "../lib/transliterate.ts";

export const importKinds = ["organizations", "people", "commitments"] as const;
export type ImportKind = (typeof importKinds)[number];
export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === "string" && (importKinds as readonly string[]).includes(value);
}

/** The largest file accepted (a spreadsheet of some 30,000 organizations). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;

export const importFields = {
  organizations: ["name", "kind", "oblast", "municipality", "address", "website", "email", "phone", "description", "tags"],
  people: ["name", "position", "organization", "email", "phone", "languages", "notes"],
  // organization = the lead organization, event = the event's exact title.
  commitments: ["title", "description", "organization", "event", "niemDimension", "kind", "dueOn", "shared"],
} as const satisfies Record<ImportKind, readonly string[]>;
export type ImportField = (typeof importFields)[ImportKind][number];

/** The key of a row's own problems (columns more or fewer than the header's, a quote left open) among its field errors. */
export const ROW_PROBLEMS = "row";

/** What to do with one row: create it, leave it out, or write it over the existing record it duplicates. */
export const importDecisions = ["create", "skip", "update"] as const;
export type ImportDecision = (typeof importDecisions)[number];

// Header names seen in BCRM's and partners' spreadsheets, compared without case, spaces or punctuation.
const headerSynonyms: Record<ImportKind, Record<string, string[]>> = {
  organizations: {
    name: ["наименование", "име", "название", "организация", "name", "organization", "organisation", "organization name"],
    kind: ["вид", "тип", "категория", "kind", "type", "category"],
    oblast: ["област", "oblast", "region", "province"],
    municipality: ["община", "град", "населено място", "municipality", "city", "town"],
    address: ["адрес", "address"],
    website: ["уебсайт", "уеб сайт", "сайт", "интернет страница", "website", "web", "url", "www"],
    email: ["имейл", "e-mail", "email", "ел поща", "електронна поща", "mail"],
    phone: ["телефон", "тел", "phone", "tel", "telephone"],
    description: ["описание", "бележки", "description", "notes"],
    tags: ["етикети", "тагове", "tags", "labels"],
  },
  people: {
    name: ["име", "име и фамилия", "трите имена", "лице", "name", "full name", "contact"],
    position: ["длъжност", "позиция", "position", "job title", "title", "role"],
    organization: ["организация", "институция", "organization", "organisation", "company"],
    email: ["имейл", "e-mail", "email", "ел поща", "електронна поща", "mail"],
    phone: ["телефон", "тел", "phone", "tel", "telephone", "mobile"],
    languages: ["езици", "език", "languages", "language"],
    notes: ["бележки", "коментар", "notes", "comments"],
  },
  commitments: {
    title: ["ангажимент", "заглавие", "наименование", "title", "commitment", "name"],
    description: ["описание", "description"],
    organization: ["водеща организация", "организация", "lead organization", "lead organisation", "lead", "organization", "organisation"],
    event: ["събитие", "форум", "event", "forum"],
    niemDimension: ["измерение", "измерение нием", "измерение на интеграцията", "niem dimension", "dimension", "niem"],
    kind: ["вид", "тип", "kind", "type"],
    dueOn: ["срок", "краен срок", "due date", "due", "deadline"],
    shared: ["споделен", "споделен с партньора", "shared", "shared with partner"],
  },
};

const headerKey = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/** The field each column most likely holds ("" = not imported); a field is suggested for one column only. */
export function suggestMapping(kind: ImportKind, headers: readonly string[]): string[] {
  const taken = new Set<string>();
  return headers.map((header) => {
    const key = headerKey(header);
    for (const [field, names] of Object.entries(headerSynonyms[kind])) {
      if (!taken.has(field) && names.some((n) => headerKey(n) === key)) {
        taken.add(field);
        return field;
      }
    }
    return "";
  });
}

// ---------------------------------------------------------------- values written as labels

function labelIndex<T extends string>(enumName: string, values: readonly T[], aliases: Record<string, T>): Map<string, T> {
  const index = new Map<string, T>();
  for (const value of values) {
    index.set(searchKey(value), value);
    for (const dictionary of Object.values(dictionaries)) {
      const label = (dictionary as Record<string, string>)[`enum.${enumName}.${value}`];
      if (label) index.set(searchKey(label), value);
    }
  }
  for (const [alias, value] of Object.entries(aliases)) index.set(searchKey(alias), value);
  return index;
}

let kindIndex: Map<string, OrganizationKind> | undefined;
// A spreadsheet repeats the same few kinds and oblasts on every row: each is looked up once.
const kindMemo = new Map<string, string>();
const oblastMemo = new Map<string, string>();
function memo(cache: Map<string, string>, text: string, compute: (text: string) => string): string {
  let value = cache.get(text);
  if (value === undefined) {
    value = compute(text);
    if (cache.size < 1000) cache.set(text, value);
  }
  return value;
}
let oblastIndex: Map<string, Oblast> | undefined;

/** An organization kind given as a code or a label in either language; unknown text is returned as it is (the schema then refuses it). */
export function organizationKindOf(text: string): string {
  return memo(kindMemo, text, kindOfUncached);
}
function kindOfUncached(text: string): string {
  kindIndex ??= labelIndex("organizationKind", organizationKinds, {
    НПО: "ngo",
    "Неправителствена": "ngo",
    Сдружение: "ngo",
    Фондация: "ngo",
    Институция: "state_institution",
    Университет: "academic",
  });
  return kindIndex.get(searchKey(text)) ?? text;
}

/** An oblast given as its code (BG-22), its number (22) or its name in either language. */
export function oblastOf(text: string): string {
  return memo(oblastMemo, text, oblastOfUncached);
}
function oblastOfUncached(text: string): string {
  oblastIndex ??= labelIndex("oblast", oblasts, {
    "София-град": "BG-22",
    "София град": "BG-22",
    "Sofia City": "BG-22",
    "Столица": "BG-22",
    "София-област": "BG-23",
    "Софийска": "BG-23",
    "Sofia Province": "BG-23",
    "София": "BG-22",
  });
  const trimmed = text.trim();
  if (/^\d{1,2}$/.test(trimmed)) return `BG-${trimmed.padStart(2, "0")}`;
  return oblastIndex.get(searchKey(trimmed)) ?? oblastIndex.get(searchKey(trimmed.replace(/^(обл\.?|област)\s+/i, ""))) ?? trimmed.toUpperCase();
}

let dimensionIndex: Map<string, NiemDimension> | undefined;
let commitmentKindIndex: Map<string, CommitmentKind> | undefined;

/** A NIEM dimension given as its code or its label in either language; unknown text is returned as it is. */
export function niemDimensionOf(text: string): string {
  dimensionIndex ??= labelIndex("niemDimension", niemDimensions, {});
  return dimensionIndex.get(searchKey(text)) ?? text;
}

/** A commitment kind given as its code or its label in either language; unknown text is returned as it is. */
export function commitmentKindOf(text: string): string {
  commitmentKindIndex ??= labelIndex("commitmentKind", commitmentKinds, {});
  return commitmentKindIndex.get(searchKey(text)) ?? text;
}

/** A date as a form reads it (31.12.2027, 31.12.2027 г., 2027-12-31) as YYYY-MM-DD; anything else as it is (the schema judges it). */
export function isoDateOf(text: string): string {
  const reading = readDate(text);
  return reading.ok ? reading.iso : text;
}

const yes = new Set(["да", "д", "yes", "y", "true", "1", "x", "✓"]);
const no = new Set(["не", "н", "no", "n", "false", "0", "-"]);
/** A yes/no cell as the form's checkbox value ("on" or ""); null when it is neither. */
export function checkboxOf(text: string): "on" | "" | null {
  const key = text.trim().toLowerCase();
  if (key === "" || no.has(key)) return "";
  return yes.has(key) ? "on" : null;
}

/**
 * Phone numbers compared as Bulgarian national numbers (without 00359/+359 or the trunk 0),
 * so +359 2 123 4567 and 02/123-4567 are the same.
 */
export function phoneKey(phone: string | null | undefined): string | null {
  const digits = (phone ?? "").replace(/\D/g, "").replace(/^00/, "").replace(/^359/, "").replace(/^0/, "");
  return digits.length >= 6 ? digits : null;
}

/** The name as duplicate detection compares it: transliterated, folded (Столична община = Stolichna obshtina). */
export function nameKey(name: string | null | undefined): string | null {
  const key = searchKey(name ?? "");
  return key || null;
}

// Sites where many organizations have a page: there the page, not the host, is the organization's.
const sharedHosts = new Set(["facebook.com", "fb.com", "instagram.com", "linkedin.com", "sites.google.com", "google.com", "x.com", "twitter.com", "youtube.com", "wordpress.com", "blogspot.com", "wixsite.com", "github.io"]);

/**
 * A website as duplicate detection compares it: the host without `www.` and letter case
 * (https://www.Caritas.bg/ = caritas.bg); on a shared host (facebook.com, …) with the page's path.
 */
export function websiteKey(website: string | null | undefined): string | null {
  const text = withWebScheme((website ?? "").trim());
  if (typeof text !== "string" || !text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, "").replace(/\.$/, "");
  if (!host.includes(".")) return null;
  const shared = sharedHosts.has(host) || [...sharedHosts].some((h) => host.endsWith(`.${h}`) && h !== "google.com");
  if (!shared) return host;
  const page = url.pathname.toLowerCase().split("/").filter(Boolean)[0];
  return page ? `${host}/${page}` : null;
}
