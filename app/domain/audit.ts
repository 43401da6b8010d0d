import { z } from "zod";
import { entityTypes } from "./enums.ts";
import { idParam, optionalDate } from "./fields.ts";

export const auditListSpec = {
  sortable: ["at"] as const,
  defaultSort: "at" as const,
  defaultDir: "desc" as const,
  filters: {
    /** Who did it (a user id). */
    user: idParam,
    action: z.string().max(40).regex(/^[a-z_]+$/),
    entityType: z.enum(entityTypes),
    /** One record: with entityType, that record's whole history. */
    entityId: idParam,
    /** Calendar days in Sofia, both included (typed as the user writes dates, or ISO). */
    from: optionalDate,
    to: optionalDate,
  },
};
