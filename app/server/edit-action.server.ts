// The action of every `*.$id.edit.tsx` route: the same steps in the same order, written once.
// A route says only what differs — how it finds the record, its form, its checks beyond the form,
// how it saves and where it goes after.
import { json, type ActionFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import { requireCapability, requireUser, type Capability, type CurrentUser } from "../auth/access.server.ts";
import { versionField } from "../domain/fields.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { parseForm, type FieldErrors, type FormValues } from "../lib/forms.ts";
import { invalidForm, parseIdParam, redirectWithFlash, writeContext } from "./http.server.ts";
import { readForm } from "./read-form.server.ts";
import type { WriteContext } from "../models/record-write.server.ts";

/** A save refused because someone saved the record since the form was opened; `current` is what they saved. */
type Stale<Row> = { ok: false; reason: "stale"; current: Row };

/** What the edit action has in hand once the form is valid. */
export type ValidEdit<Data, Stored> = {
  user: CurrentUser;
  id: number;
  version: number;
  data: Data;
  /** The values as typed, for an answer that shows the form again. */
  values: FormValues;
  formData: FormData;
  stored: Stored;
};

export type EditActionSpec<Data, Stored, Row, Other, Extra, Early, Refused> = {
  /** Finds the record the user may see (404 otherwise); called before the write capability is checked. */
  find: (user: CurrentUser, id: number) => Stored;
  /** The capability that may edit it; writeRecords unless said. */
  capability?: Capability;
  /** The form's schema (the version field is read beside it). */
  schema: z.ZodType<Data>;
  /** Field errors the schema cannot see (a chosen record that does not exist); answered like a form error. */
  referenceErrors?: (data: Data) => FieldErrors;
  /** An answer that stops the save before it is tried (the duplicates warning), or nothing. */
  beforeSave?: (edit: ValidEdit<Data, Stored>) => Early | undefined;
  /** Saves; refuses a stale version with the row as it is now. */
  save: (edit: ValidEdit<Data, Stored>, ctx: WriteContext) => { ok: true } | Stale<Row> | Other;
  /** What the stale answer carries besides the saved row (names of linked records). */
  staleDetails?: (current: Row) => Extra;
  /** The answer to a refusal other than a stale version (the save's own reasons). */
  refused?: (result: Exclude<Other, { ok: true }>, values: FormValues) => Refused;
  /** Where a saved edit goes, with the «saved» notice. */
  redirectTo: (edit: ValidEdit<Data, Stored>) => string;
  savedMessage?: MessageKey;
};

/**
 * Reads the version and the form; a form that does not validate (or a missing or broken version)
 * is answered 400 with the errors and the values as typed; a stale version is answered 409 with
 * the typed values kept and the saved row beside them (so the form, now carrying the current
 * version, can be saved again on purpose); a saved edit redirects with the «saved» notice.
 */
export async function editAction<Data, Stored, Row, Other = never, Extra extends object = object, Early = never, Refused = never>(
  { request, params, context }: ActionFunctionArgs,
  spec: EditActionSpec<Data, Stored, Row, Other, Extra, Early, Refused>,
) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  const stored = spec.find(user, id);
  requireCapability(user, spec.capability ?? "writeRecords");
  const formData = await readForm(request);
  const version = versionField.safeParse(formData.get("version"));
  const form = parseForm(spec.schema, formData);
  if (!form.ok || !version.success) return invalidForm(form.ok ? { version: ["invalid"] } : form.errors, form.values);
  const refErrors = spec.referenceErrors?.(form.data) ?? {};
  if (Object.keys(refErrors).length) return invalidForm(refErrors, form.values);
  const edit: ValidEdit<Data, Stored> = { user, id, version: version.data, data: form.data, values: form.values, formData, stored };
  const early = spec.beforeSave?.(edit);
  if (early !== undefined) return early;
  const result = spec.save(edit, writeContext(context, formData));
  if (isStale<Row>(result)) {
    // Refused, nothing written: the typed values stay in the form, the saved ones are shown beside them.
    const details = (spec.staleDetails?.(result.current) ?? {}) as Extra;
    return json({ errors: {}, values: form.values, stale: result.current, ...details }, { status: 409 });
  }
  if (isSaved(result)) return redirectWithFlash(spec.redirectTo(edit), spec.savedMessage ?? "common.saved");
  if (!spec.refused) throw new Error("editAction: a refusal with no answer for it");
  return spec.refused(result as Exclude<Other, { ok: true }>, form.values);
}

function isSaved(result: unknown): result is { ok: true } {
  return typeof result === "object" && result !== null && (result as { ok?: unknown }).ok === true;
}

function isStale<Row>(result: unknown): result is Stale<Row> {
  return typeof result === "object" && result !== null && (result as { reason?: unknown }).reason === "stale";
}
