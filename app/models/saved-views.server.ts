// Saved views (issue 17 point 4): named list URLs. Who reads and changes which view is said in
// app/auth/access.server.ts (canReadSavedView, canChangeSavedView); every write has its audit entry.
import { and, asc, desc, eq, or } from "drizzle-orm";
import { canChangeSavedView, canReadSavedView, requireCapability, type CurrentUser } from "../auth/access.server.ts";
import { getDb } from "../db/client.server.ts";
import { savedViews, users } from "../db/schema.ts";
import { normalizeViewQuery, SAVED_VIEW_NAME_MAX, SAVED_VIEW_QUERY_MAX, type SavedViewKind } from "../domain/saved-views.ts";
import { writeAudit } from "./audit.server.ts";
import type { WriteContext } from "./record-write.server.ts";

export type SavedView = {
  id: number;
  kind: SavedViewKind;
  name: string;
  query: string;
  shared: boolean;
  ownerId: number;
  ownerName: string;
  mine: boolean;
};

const columns = {
  id: savedViews.id,
  kind: savedViews.kind,
  name: savedViews.name,
  query: savedViews.query,
  shared: savedViews.shared,
  ownerId: savedViews.ownerId,
  ownerName: users.name,
};

/** The views of one list that `user` sees: their own first, then those other staff share with everyone. */
export function savedViewsFor(user: CurrentUser, kind: SavedViewKind): SavedView[] {
  requireCapability(user, "useSavedViews");
  const rows = getDb()
    .select(columns)
    .from(savedViews)
    .innerJoin(users, eq(users.id, savedViews.ownerId))
    .where(and(eq(savedViews.kind, kind), or(eq(savedViews.ownerId, user.id), eq(savedViews.shared, true))))
    .orderBy(desc(eq(savedViews.ownerId, user.id)), asc(savedViews.name), asc(savedViews.id))
    .all();
  return rows.map((r) => ({ ...r, kind: r.kind as SavedViewKind, mine: r.ownerId === user.id }));
}

/** A view's list and query if `user` may open it (their own or shared), else null. */
export function savedViewQuery(user: CurrentUser, id: number): { kind: SavedViewKind; query: string } | null {
  const view = getDb().select({ kind: savedViews.kind, query: savedViews.query, ownerId: savedViews.ownerId, shared: savedViews.shared }).from(savedViews).where(eq(savedViews.id, id)).get();
  if (!view || !canReadSavedView(user, view)) return null;
  return { kind: view.kind as SavedViewKind, query: view.query };
}

export type SaveViewResult = { ok: true; id: number; query: string } | { ok: false; errors: Record<string, string[]> };

/** Keeps the list's current query under a name; the same name on the same list replaces the owner's earlier view. */
export function saveView(user: CurrentUser, input: { kind: SavedViewKind; name: string; query: string; shared: boolean }, ctx: WriteContext = {}): SaveViewResult {
  requireCapability(user, "useSavedViews");
  const name = input.name.replace(/\s+/g, " ").trim();
  const query = normalizeViewQuery(input.query);
  if (!name) return { ok: false, errors: { name: ["required"] } };
  if (name.length > SAVED_VIEW_NAME_MAX) return { ok: false, errors: { name: [`tooLong:${SAVED_VIEW_NAME_MAX}`] } };
  if (query.length > SAVED_VIEW_QUERY_MAX) return { ok: false, errors: { query: [`tooLong:${SAVED_VIEW_QUERY_MAX}`] } };
  return getDb().transaction((tx) => {
    const earlier = tx
      .select({ id: savedViews.id, query: savedViews.query, shared: savedViews.shared })
      .from(savedViews)
      .where(and(eq(savedViews.ownerId, user.id), eq(savedViews.kind, input.kind), eq(savedViews.name, name)))
      .get();
    if (earlier) {
      tx.update(savedViews).set({ query, shared: input.shared, updatedAt: new Date().toISOString() }).where(eq(savedViews.id, earlier.id)).run();
      writeAudit(tx, { userId: user.id, action: "update", entityType: "saved_view", entityId: earlier.id, changes: { query: [earlier.query, query], shared: [earlier.shared, input.shared] }, ip: ctx.ip });
      return { ok: true, id: earlier.id, query } as const;
    }
    const { id } = tx.insert(savedViews).values({ ownerId: user.id, kind: input.kind, name, query, shared: input.shared }).returning({ id: savedViews.id }).get();
    writeAudit(tx, { userId: user.id, action: "create", entityType: "saved_view", entityId: id, changes: { kind: input.kind, name, query, shared: input.shared }, ip: ctx.ip });
    return { ok: true, id, query } as const;
  });
}

function ownView(user: CurrentUser, id: number) {
  const view = getDb().select().from(savedViews).where(eq(savedViews.id, id)).get();
  return view && canChangeSavedView(user, view) ? view : null;
}

/** Shares a view with all staff, or stops sharing it; only its owner may. */
export function setViewShared(user: CurrentUser, id: number, shared: boolean, ctx: WriteContext = {}): boolean {
  requireCapability(user, "useSavedViews");
  const view = ownView(user, id);
  if (!view) return false;
  getDb().transaction((tx) => {
    tx.update(savedViews).set({ shared, updatedAt: new Date().toISOString() }).where(eq(savedViews.id, id)).run();
    writeAudit(tx, { userId: user.id, action: "update", entityType: "saved_view", entityId: id, changes: { shared: [view.shared, shared] }, ip: ctx.ip });
  });
  return true;
}

/** Deletes one of the user's own views; others' views (shared or not) are refused. */
export function deleteView(user: CurrentUser, id: number, ctx: WriteContext = {}): boolean {
  requireCapability(user, "useSavedViews");
  const view = ownView(user, id);
  if (!view) return false;
  getDb().transaction((tx) => {
    tx.delete(savedViews).where(eq(savedViews.id, id)).run();
    writeAudit(tx, { userId: user.id, action: "delete", entityType: "saved_view", entityId: id, changes: { kind: view.kind, name: view.name, query: view.query }, ip: ctx.ip });
  });
  return true;
}
