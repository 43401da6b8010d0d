import { closeDb, getDb } from "./db/client.server.ts";
import { env } from "./env.server.ts";

export function startup() {
  const config = env();
  getDb();
  return { databasePath: config.DATABASE_PATH };
}

export function shutdown() {
  closeDb();
}
