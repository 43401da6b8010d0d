import { z } from "zod";
import { oblasts, organizationKinds } from "./enums.ts";
import { archivedFilter, optionalEmail, optionalEnum, optionalPhone, optionalText, optionalUrl, requiredEnum, requiredText } from "./fields.ts";

/** The organization form: used by the create/edit actions, the CSV import and the tests. */
export const organizationInput = z.object({
  name: requiredText(300),
  kind: requiredEnum(organizationKinds),
  oblast: optionalEnum(oblasts),
  municipality: optionalText(120),
  address: optionalText(500),
  website: optionalUrl,
  email: optionalEmail,
  phone: optionalPhone,
  description: optionalText(5000),
  tags: optionalText(500).transform((v) =>
    v
      ? [...new Set(v.split(",").map((t) => t.trim()).filter(Boolean))].slice(0, 20).map((t) => t.slice(0, 60))
      : [],
  ),
});
export type OrganizationInput = z.infer<typeof organizationInput>;

/** What the organizations list may be sorted and filtered by (URL parameters). */
export const organizationListSpec = {
  sortable: ["name", "kind", "oblast", "updated"] as const,
  defaultSort: "name" as const,
  filters: {
    kind: z.enum(organizationKinds),
    oblast: z.enum(oblasts),
    archived: archivedFilter,
  },
};
