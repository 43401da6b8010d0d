// One organization by id, for forms pre-filled from an organization's page: with 100,000
// organizations, loading them all to find one is not an option.
import { and, eq } from "drizzle-orm";
import { getDb } from "../db/client.server.ts";
import { organizations } from "../db/schema.ts";

/** `{id, name}` of the organization, or null; archived ones only with `includeArchived`. */
export function organizationById(id: number | null | undefined, { includeArchived = false } = {}): { id: number; name: string } | null {
  if (id == null) return null;
  return (
    getDb()
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(and(eq(organizations.id, id), includeArchived ? undefined : eq(organizations.archived, false)))
      .get() ?? null
  );
}
