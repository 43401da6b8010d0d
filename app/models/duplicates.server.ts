// Likely duplicates among organizations and people, found by the keys of app/db/duplicate-keys.ts:
// one record against the registry (the create and edit forms), and every pair in the registry
// (/duplicates). Both read only the keys' expression indexes, so they stay fast at 100,000 records.
import { requireCapability, type CurrentUser } from "../auth/access.server.ts";
import { getDb } from "../db/client.server.ts";
import {
  CONFIRM_DUPLICATES,
  duplicateKeyColumns,
  keySql,
  keyWeights,
  sharedDomains,
  type DuplicateKey,
  type DuplicateKind,
} from "../db/duplicate-keys.ts";
import { transliterate } from "../lib/transliterate.ts";

export type { DuplicateKey, DuplicateKind };

export const tableOf: Record<DuplicateKind, "organizations" | "people"> = { organization: "organizations", person: "people" };

/** One record another one likely duplicates, with the keys they share. */
export type DuplicateCandidate = { id: number; name: string; archived: boolean; reasons: DuplicateKey[] };

/** A form's values, as the keys read them. */
export type DuplicateProbe = { name?: string | null; email?: string | null; phone?: string | null; website?: string | null };

const MAX_CANDIDATES = 10;

function keysOf(kind: DuplicateKind): Array<[DuplicateKey, string]> {
  return Object.entries(duplicateKeyColumns[kind]) as Array<[DuplicateKey, string]>;
}

/** The stored column each key reads, from a form's value (the name is compared in its Latin form). */
function probeValue(key: DuplicateKey, probe: DuplicateProbe): string | null {
  const value = probe[key]?.trim();
  if (!value) return null;
  return key === "name" ? transliterate(value) : value;
}

/** SQL: the key of a record, and the same key of a bound value (`@v`), so both fold the same way. */
function matchSql(kind: DuplicateKind, key: DuplicateKey, column: string): string {
  return `SELECT id FROM ${tableOf[kind]} WHERE ${keySql(key, column)} = ${keySql(key, "@v")} AND id <> @exclude LIMIT 50`;
}

/** Existing records that likely are the one in the form (`excludeId`: the record being edited). */
export function likelyDuplicates(kind: DuplicateKind, probe: DuplicateProbe, excludeId: number | null = null): DuplicateCandidate[] {
  const sqlite = getDb().$client;
  const reasons = new Map<number, DuplicateKey[]>();
  for (const [key, column] of keysOf(kind)) {
    const v = probeValue(key, probe);
    if (v === null) continue;
    if (key === "website" && sharedDomains.some((d) => v.toLowerCase().includes(d))) continue;
    const rows = sqlite.prepare(matchSql(kind, key, column)).all({ v, exclude: excludeId ?? -1 }) as Array<{ id: number }>;
    for (const { id } of rows) reasons.set(id, [...(reasons.get(id) ?? []), key]);
  }
  if (!reasons.size) return [];
  const ranked = [...reasons.entries()].sort((a, b) => score(b[1]) - score(a[1]) || a[0] - b[0]).slice(0, MAX_CANDIDATES);
  const names = namesOf(kind, ranked.map(([id]) => id));
  return ranked.flatMap(([id, keys]) => {
    const r = names.get(id);
    return r ? [{ id, name: r.name, archived: r.archived, reasons: keys }] : [];
  });
}

/**
 * Before a create or an edit is saved: the likely duplicates to show, or none when the user pressed
 * «Save anyway». On an edit (`before` = the stored values) only the fields that changed are compared.
 */
export function duplicatesBeforeSave(
  kind: DuplicateKind,
  formData: FormData,
  probe: DuplicateProbe,
  edit?: { id: number; before: DuplicateProbe },
): DuplicateCandidate[] {
  if (formData.get(CONFIRM_DUPLICATES) === "1") return [];
  if (!edit) return likelyDuplicates(kind, probe);
  // An edit is checked by the fields it changes: a record already known to share a name is not re-warned about at every save.
  const changed: DuplicateProbe = {};
  for (const [key] of keysOf(kind)) if ((probe[key]?.trim() || null) !== (edit.before[key]?.trim() || null)) changed[key] = probe[key];
  return Object.keys(changed).length ? likelyDuplicates(kind, changed, edit.id) : [];
}

const score = (keys: DuplicateKey[]) => keys.reduce((sum, k) => sum + keyWeights[k], 0);

function namesOf(kind: DuplicateKind, ids: number[]): Map<number, { name: string; archived: boolean }> {
  if (!ids.length) return new Map();
  const rows = getDb()
    .$client.prepare(`SELECT id, name, archived FROM ${tableOf[kind]} WHERE id IN (${ids.map(() => "?").join(",")})`)
    .all(...ids) as Array<{ id: number; name: string; archived: number }>;
  return new Map(rows.map((r) => [r.id, { name: r.name, archived: !!r.archived }]));
}

// ---------------------------------------------------------------- every pair in the registry

/** A key many records share (a common personal name, a shared switchboard) says little: such groups are left out. */
export const MAX_GROUP = 8;

/**
 * SQL: the groups of records that share one key. The inner query reads the key's expression index
 * alone, in key order (a covering range scan: the table itself is not read); the outer one groups
 * the keys as they come, with no sort. (A plain GROUP BY on the expression reads every table row.)
 */
export function groupSql(kind: DuplicateKind, key: DuplicateKey): string {
  const expr = keySql(key, duplicateKeyColumns[kind][key as keyof (typeof duplicateKeyColumns)[typeof kind]]);
  return `SELECT k, group_concat(id) AS ids FROM (SELECT ${expr} AS k, id FROM ${tableOf[kind]} WHERE ${expr} > '' ORDER BY ${expr} LIMIT -1)
    GROUP BY k HAVING count(*) BETWEEN 2 AND ${MAX_GROUP}`;
}

export type DuplicatePair = { a: DuplicateCandidate; b: DuplicateCandidate; reasons: DuplicateKey[]; score: number };

/** The likely duplicate pairs of a kind, best first (the keys they share, weighed), at most `limit`. */
export function duplicatePairs(user: CurrentUser, kind: DuplicateKind, limit = 100): { pairs: DuplicatePair[]; total: number } {
  requireCapability(user, "mergeRecords");
  const sqlite = getDb().$client;
  const pairs = new Map<string, { a: number; b: number; reasons: DuplicateKey[] }>();
  for (const [key] of keysOf(kind)) {
    const groups = sqlite.prepare(groupSql(kind, key)).all() as Array<{ k: string; ids: string }>;
    for (const g of groups) {
      if (key === "website" && sharedDomains.includes(g.k)) continue;
      const ids = g.ids.split(",").map(Number).sort((x, y) => x - y);
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          const id = `${ids[i]}-${ids[j]}`;
          const pair = pairs.get(id) ?? { a: ids[i], b: ids[j], reasons: [] };
          pair.reasons.push(key);
          pairs.set(id, pair);
        }
      }
    }
  }
  const best = [...pairs.values()].sort((x, y) => score(y.reasons) - score(x.reasons) || x.a - y.a || x.b - y.b).slice(0, limit);
  const names = namesOf(kind, [...new Set(best.flatMap((p) => [p.a, p.b]))]);
  const candidate = (id: number, reasons: DuplicateKey[]): DuplicateCandidate => ({
    id,
    name: names.get(id)?.name ?? "",
    archived: names.get(id)?.archived ?? false,
    reasons,
  });
  return {
    pairs: best.map((p) => ({ a: candidate(p.a, p.reasons), b: candidate(p.b, p.reasons), reasons: p.reasons, score: score(p.reasons) })),
    total: pairs.size,
  };
}
