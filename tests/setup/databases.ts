// Database names used by the test runs, derived from the server in DATABASE_URL (never its own database).
export const TEMPLATE_DB = "rdv_test_template";
export const WORKER_DBS = 4;
export const workerDb = (n: number) => `rdv_test_${n}`;
export const E2E_DB = "rdv_e2e";

export function urlFor(base: string, db: string) {
  const u = new URL(base);
  u.pathname = `/${db}`;
  return u.toString();
}
