import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireCapability, requireUser } from "#app/auth/access.server.ts";
import { findPickerChoices, pickerKinds, type PickerKind } from "#app/models/link-choices.server.ts";

/**
 * The search-as-you-type source of RecordPicker: at most 20 organizations, people or commitments
 * matching `q`, as {id, label}. Staff only (partners pick nothing from the registries).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "readRecords");
  const kind = params.kind as PickerKind;
  if (!pickerKinds.includes(kind)) throw notFound();
  const q = new URL(request.url).searchParams.get("q") ?? "";
  return json({ choices: findPickerChoices(kind, q) }, { headers: { "Cache-Control": "private, max-age=30" } });
}
