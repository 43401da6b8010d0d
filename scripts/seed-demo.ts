// Fills an empty database with the demo data of BCRM Partners.
//   npx tsx scripts/seed-demo.ts
// DATABASE_PATH (default data/bcrm.sqlite) picks the file; DEMO_PASSWORD (default "forum2021")
// is the password of every demo user. Does nothing if the database already has users.
import { openDatabase } from "../app/db/client.server.ts";
import { DEMO_USER, seedDemo } from "../app/db/seed-demo.server.ts";

const file = process.env.DATABASE_PATH ?? "data/bcrm.sqlite";
const password = process.env.DEMO_PASSWORD ?? "forum2021";

const db = openDatabase(file);
try {
  const { seeded } = await seedDemo(db, { password });
  if (seeded) {
    console.log(`Seeded demo data into ${file}.`);
    const which = process.env.DEMO_PASSWORD ? "the password in DEMO_PASSWORD" : `password "${password}"`;
    console.log(`Sign in as ${Object.values(DEMO_USER).join(", ")} with ${which}.`);
  } else {
    console.log(`${file} already has users; nothing seeded.`);
  }
} finally {
  db.$client.close();
}
