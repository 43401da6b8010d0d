import { z } from "zod";
import { entityTypes } from "./enums.ts";

export const auditListSpec = {
  sortable: ["at"] as const,
  defaultSort: "at" as const,
  defaultDir: "desc" as const,
  filters: { entityType: z.enum(entityTypes), action: z.string().max(40) },
};
