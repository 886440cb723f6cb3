// Vitest global setup: one template database migrated (only when prisma/migrations changed since it was built),
// cloned into one database per worker (scripts/template-db.mjs).
import { cloneMigratedTemplate } from "../../scripts/template-db.mjs";
import { TEMPLATE_DB, WORKER_DBS, workerDb } from "./databases";

export default async function setup() {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL is not set: run the tests with `npm test`, which provides a PostgreSQL server.");
  await cloneMigratedTemplate(
    base,
    TEMPLATE_DB,
    Array.from({ length: WORKER_DBS }, (_, i) => workerDb(i + 1)),
  );
}
