import { z } from "zod";
import { archivedFilter, optionalEmail, optionalId, optionalPhone, optionalText, requiredText } from "./fields.ts";

/** The person form: used by the create/edit actions and the tests. */
export const personInput = z.object({
  name: requiredText(200),
  position: optionalText(200),
  organizationId: optionalId,
  email: optionalEmail,
  phone: optionalPhone,
  languages: optionalText(200),
  notes: optionalText(5000),
});
export type PersonInput = z.infer<typeof personInput>;

/** What the people list may be sorted and filtered by (URL parameters). */
export const personListSpec = {
  sortable: ["name", "organization", "updated"] as const,
  defaultSort: "name" as const,
  filters: {
    organization: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    email: z.enum(["with", "without"]),
    archived: archivedFilter,
  },
};
