// Database names used by the test runs, derived from the server in DATABASE_URL (never its own database).
// TEST_DB_PREFIX lets two runs share one server without touching each other's databases.
const prefix = (process.env.TEST_DB_PREFIX || "rdv_test").replace(/[^a-z0-9_]/gi, "");
export const TEMPLATE_DB = `${prefix}_template`;
export const WORKER_DBS = 4;
export const workerDb = (n: number) => `${prefix}_${n}`;

export function urlFor(base: string, db: string) {
  const u = new URL(base);
  u.pathname = `/${db}`;
  return u.toString();
}
