// Vitest global setup: one template database migrated once, cloned into one database per worker.
import { execFileSync } from "node:child_process";
import pg from "pg";
import { TEMPLATE_DB, WORKER_DBS, urlFor, workerDb } from "./databases";

export default async function setup() {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL is not set: run the tests with `npm test`, which provides a PostgreSQL server.");
  const admin = new pg.Client({ connectionString: urlFor(base, "postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: urlFor(base, TEMPLATE_DB) }, stdio: "pipe" });
    for (let n = 1; n <= WORKER_DBS; n++) {
      await admin.query(`DROP DATABASE IF EXISTS ${workerDb(n)} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${workerDb(n)} TEMPLATE ${TEMPLATE_DB}`);
    }
  } finally {
    await admin.end();
  }
}
