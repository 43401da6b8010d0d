import { z } from "zod";
import { locales, roles } from "./enums.ts";
import { optionalId, password, requiredEnum, requiredText } from "./fields.ts";

const email = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(254, { error: "tooLong:254" })
  .pipe(z.email({ error: "invalidEmail" }))
  .transform((v) => v.toLowerCase());

const roleAndOrganization = {
  role: requiredEnum(roles),
  organizationId: optionalId,
};
// A partner belongs to exactly one organization; staff to none.
const partnerHasOrganization = (v: { role: string; organizationId: number | null }) =>
  v.role !== "partner" || v.organizationId !== null;
const organizationRule = { error: "partnerNeedsOrganization", path: ["organizationId"] };

export const newUserInput = z
  .object({ name: requiredText(120), email, password, ...roleAndOrganization })
  .refine(partnerHasOrganization, organizationRule);

export const userRoleInput = z.object(roleAndOrganization).refine(partnerHasOrganization, organizationRule);

export const passwordResetInput = z.object({ password });

export const passwordChangeInput = z.object({
  currentPassword: z.string({ error: "required" }).min(1, { error: "required" }).max(200, { error: "tooLong:200" }),
  password,
});

export const localeInput = z.object({ locale: requiredEnum(locales) });
