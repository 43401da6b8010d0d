import { z } from "zod";
import { interactionKinds } from "./enums.ts";
import { requiredDate, optionalId, optionalText, requiredEnum, requiredText } from "./fields.ts";

/** The interaction form: logged with an organization, a person, or both. */
export const interactionInput = z
  .object({
    kind: requiredEnum(interactionKinds),
    occurredOn: requiredDate,
    subject: requiredText(300),
    body: optionalText(10000),
    participants: optionalText(500),
    organizationId: optionalId,
    personId: optionalId,
  })
  .superRefine((i, ctx) => {
    if (!i.organizationId && !i.personId) {
      ctx.addIssue({ code: "custom", path: ["organizationId"], message: "organizationOrPersonRequired" });
    }
  });
export type InteractionInput = z.infer<typeof interactionInput>;

/** Whose page an interaction form was opened from; saving goes back there. */
export const interactionFrom = z.enum(["organization", "person"]).catch("organization");

/** The page to return to after saving: the person's when logged from it, else the organization's. */
export function interactionReturnPath(from: "organization" | "person", saved: { organizationId: number | null; personId: number | null }): string {
  if ((from === "person" || !saved.organizationId) && saved.personId) return `/people/${saved.personId}`;
  return `/organizations/${saved.organizationId}`;
}
