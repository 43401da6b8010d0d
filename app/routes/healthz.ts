import { getDb } from "#app/db/client.server.ts";

/** Liveness and database check, for the load balancer and for `npm run demo` to know it is up. */
export async function loader() {
  const started = performance.now();
  try {
    const db = getDb().$client;
    const { ok } = db.prepare("SELECT 1 AS ok").get() as { ok: number };
    const journalMode = db.pragma("journal_mode", { simple: true });
    return Response.json(
      { status: "ok", database: { ok: ok === 1, journalMode, ms: Math.round((performance.now() - started) * 10) / 10 } },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return Response.json(
      { status: "error", database: { ok: false, error: error instanceof Error ? error.message : String(error) } },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
