import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { env } from "../env.server.ts";
import { searchKey } from "../lib/transliterate.ts";
import { ensurePrivateDir, makeDatabasePrivate, makeFilePrivate } from "../server/private-files.server.ts";
import * as schema from "./schema.ts";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = path.resolve(process.cwd(), "drizzle");

/** Opens a database file with the pragmas the app relies on and brings its schema up to date. */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") {
    // Refugee contacts and password hashes: the file, its -wal and -shm are 0600 (see private-files.server.ts).
    if (!fs.existsSync(path.dirname(path.resolve(file)))) ensurePrivateDir(path.dirname(path.resolve(file)));
    makeDatabasePrivate(file);
  }
  const sqlite = new Database(file);
  if (file !== ":memory:") makeFilePrivate(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // Erased personal data (GDPR erasure of refugee contacts) is overwritten, not left in free pages.
  sqlite.pragma("secure_delete = ON");
  // WAL makes NORMAL durable against application crashes; only an OS crash may lose the last commit.
  sqlite.pragma("synchronous = NORMAL");
  registerSqlFunctions(sqlite);
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder });
  return db;
}

/** Functions the app's queries call; every connection that runs them (exports open their own) registers them. */
export function registerSqlFunctions(sqlite: Database.Database) {
  // A name folded as search keys are (query.server.ts ranks exact name matches in either script).
  sqlite.function("search_fold", { deterministic: true }, (text: unknown) => (text == null ? null : searchKey(String(text))));
}

// One connection per process: better-sqlite3 is synchronous, so requests never interleave inside a transaction.
const globalForDb = globalThis as unknown as { __bcrmDb?: Db };

export function getDb(): Db {
  if (!globalForDb.__bcrmDb) globalForDb.__bcrmDb = openDatabase(env().DATABASE_PATH);
  return globalForDb.__bcrmDb;
}

export function closeDb() {
  // Refreshes planner statistics where SQLite thinks they help (its advice for closing a
  // long-lived connection), so indexes added by migrations get them at the next start.
  try {
    globalForDb.__bcrmDb?.$client.pragma("optimize");
  } catch {
    // a read-only or broken database: closing matters more
  }
  globalForDb.__bcrmDb?.$client.close();
  globalForDb.__bcrmDb = undefined;
}

/**
 * Hot statements are prepared once per connection (drizzle's `.prepare()` with `sql.placeholder`)
 * instead of built and prepared by SQLite on every request. `key` names the query's shape (a list
 * with a filter combination is its own shape); the cache is bounded, the oldest shape goes first.
 */
const preparedByConnection = new WeakMap<Db, Map<string, unknown>>();
const MAX_PREPARED_PER_CONNECTION = 500;

export function preparedOnce<T>(db: Db, key: string, prepare: (db: Db) => T): T {
  let cache = preparedByConnection.get(db);
  if (!cache) preparedByConnection.set(db, (cache = new Map()));
  let prepared = cache.get(key) as T | undefined;
  if (prepared === undefined) {
    if (cache.size >= MAX_PREPARED_PER_CONNECTION) cache.delete(cache.keys().next().value!);
    prepared = prepare(db);
    cache.set(key, prepared);
  }
  return prepared;
}

/** A transaction handle; helpers that run inside a write take `DbOrTx`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;
