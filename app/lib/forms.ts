// Turning FormData into a zod-validated value, or into errors keyed by field with what
// the user typed, so the form can show both (STYLE.md: one schema per form).
import type { z } from "zod";

export type FormValues = Record<string, string | string[]>;
export type FieldErrors = Record<string, string[]>;

export type FormResult<T> =
  | { ok: true; data: T; values: FormValues }
  | { ok: false; errors: FieldErrors; values: FormValues };

/**
 * The hidden field every saving form carries: a random key the page's loader made (`formKey`).
 * Sent twice, the same key tells the server it is the same form (models/record-write.server.ts).
 */
export const SUBMISSION_KEY = "_submission";

/** The form's submission key, if it carries a well-formed one. */
export function submissionKeyOf(formData: FormData): string | null {
  const key = formData.get(SUBMISSION_KEY);
  return typeof key === "string" && /^[A-Za-z0-9-]{16,64}$/.test(key) ? key : null;
}

/** What the user typed, by field (the submission key is not something they typed). */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const key of new Set(formData.keys())) {
    if (key === SUBMISSION_KEY) continue;
    const all = formData.getAll(key).map((v) => (typeof v === "string" ? v : v.name));
    values[key] = all.length === 1 ? all[0] : all;
  }
  return values;
}

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData | FormValues): FormResult<z.output<S>> {
  const values = formData instanceof FormData ? formValues(formData) : formData;
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : "_form";
    (errors[field] ??= []).push(issue.code === "invalid_type" && !String(issue.message).match(/^[a-zA-Z:0-9]+$/) ? "invalid" : issue.message);
  }
  return { ok: false, errors, values };
}

/** Field values as the form should show them again: only the strings (an array means a forged duplicate). */
export function valueOf(values: FormValues | undefined, field: string): string | undefined {
  const v = values?.[field];
  return Array.isArray(v) ? v[0] : v;
}
