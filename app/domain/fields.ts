// Field validators shared by every form, import and test. Messages are i18n keys
// (`errors.<key>`), translated where they are shown.
import { z } from "zod";
import { readDate } from "./dates.ts";

/** Trimmed text that must not be empty. */
export const requiredText = (max: number) =>
  z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(max, { error: `tooLong:${max}` })
    .refine((v) => !v.includes("\u0000"), { error: "invalid" });

/** Trimmed text; empty becomes null. */
export const optionalText = (max: number) =>
  z
    .string({ error: "invalid" })
    .trim()
    .max(max, { error: `tooLong:${max}` })
    .refine((v) => !v.includes("\u0000"), { error: "invalid" })
    .optional()
    .transform((v) => (v ? v : null));

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const optionalEmail = z.preprocess(
  emptyToUndefined,
  z
    .string({ error: "invalid" })
    .trim()
    .max(254, { error: "tooLong:254" })
    .pipe(z.email({ error: "invalidEmail" }))
    .optional()
    .transform((v) => v?.toLowerCase() ?? null),
);

/**
 * A web address as people type it: `www.test.bg` or `test.bg/za-nas` (no scheme, a dotted host)
 * becomes `https://…`; anything else is left for the URL check to judge. Forms and imports alike.
 */
export function withWebScheme(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim();
  if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text) || text.startsWith("//")) return text;
  // A host of labels with a dot and a top-level domain of letters, then perhaps a port, path, query.
  return /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?::\d{1,5})?(?:[/?#]\S*)?$/u.test(text) ? `https://${text}` : text;
}

export const optionalUrl = z.preprocess(
  (v) => withWebScheme(emptyToUndefined(v)),
  z
    .string({ error: "invalid" })
    .trim()
    .max(500, { error: "tooLong:500" })
    .pipe(z.url({ protocol: /^https?$/, error: "invalidUrl" }))
    .optional()
    .transform((v) => v ?? null),
);

export const optionalPhone = z.preprocess(
  emptyToUndefined,
  z
    .string({ error: "invalid" })
    .trim()
    .max(40, { error: "tooLong:40" })
    .regex(/^\+?[0-9 ()./-]{5,40}$/, { error: "invalidPhone" })
    .optional()
    .transform((v) => v ?? null),
);

export const requiredEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values as unknown as { [K in T[number]]: K }, { error: "invalidChoice" });

export const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(emptyToUndefined, requiredEnum(values).optional().transform((v) => v ?? null));

/** A date as the user typed it (see readDate), stored as `YYYY-MM-DD`; typed text is never taken for "no date". */
const typedDate = z.string({ error: "invalidDate" }).transform((text, ctx) => {
  const reading = readDate(text);
  if (reading.ok) return reading.iso;
  ctx.addIssue({ code: "custom", message: reading.error });
  return z.NEVER;
});

export const requiredDate = z.preprocess((v) => (v === undefined || v === null ? "" : v), z.string({ error: "invalidDate" }).trim().min(1, { error: "required" }).pipe(typedDate));

export const optionalDate = z.preprocess(emptyToUndefined, typedDate.optional().transform((v) => v ?? null));

/** A positive integer id from a form or URL. */
export const idParam = z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).positive({ error: "invalid" }).max(Number.MAX_SAFE_INTEGER);

export const optionalId = z.preprocess(emptyToUndefined, idParam.optional().transform((v) => v ?? null));

/** The archived-status filter of the lists whose records can be archived (organizations, people); unset means active. */
export const archivedStates = ["active", "archived", "all"] as const;
export type ArchivedState = (typeof archivedStates)[number];
export const archivedFilter = z.enum(archivedStates);

export const versionField = z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(1, { error: "invalid" });

export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === "1", z.boolean());

export const password = z.string({ error: "required" }).min(10, { error: "passwordTooShort" }).max(200, { error: "tooLong:200" });
