// `npm run demo`: database, migrations, demo data, production build, server on :3000.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { closeDb, openDatabase } from "../app/db/client.server.ts";
import { seedDemo } from "../app/db/seed-demo.server.ts";

const databasePath = process.env.DATABASE_PATH ?? "data/bcrm.sqlite";
const password = process.env.DEMO_PASSWORD ?? "forum2021";
const port = process.env.PORT ?? "3000";

fs.mkdirSync(path.dirname(databasePath), { recursive: true });

// The demo generates its session secret once and keeps it, so sign-ins survive a restart.
const secretFile = path.join(path.dirname(databasePath), ".session-secret");
if (!process.env.SESSION_SECRET && !fs.existsSync(secretFile)) {
  fs.writeFileSync(secretFile, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
}
const sessionSecret = process.env.SESSION_SECRET ?? fs.readFileSync(secretFile, "utf8").trim();

const db = openDatabase(databasePath);
const { seeded } = await seedDemo(db, { password });
db.$client.close();
closeDb();
console.log(seeded ? `Demo data written to ${databasePath}.` : `${databasePath} already has data; not seeding again.`);

console.log("Building…");
const build = spawnSync(path.resolve("node_modules/.bin/remix"), ["vite:build"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

const logins = [
  ["admin", "admin@bcrm.demo"],
  ["manager", "manager@bcrm.demo"],
  ["coordinator", "coordinator@bcrm.demo"],
  ["partner (Столична община)", "partner@sofia.demo"],
  ["partner (Български Червен кръст)", "partner@redcross.demo"],
];
console.log(`\nBCRM Partners demo: http://localhost:${port}\n\nDemo log-ins (password: ${password}):`);
for (const [role, email] of logins) console.log(`  ${role.padEnd(34)} ${email}`);
console.log("");

const server = spawn(process.execPath, ["server.mjs"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", DATABASE_PATH: databasePath, SESSION_SECRET: sessionSecret, PORT: port },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
