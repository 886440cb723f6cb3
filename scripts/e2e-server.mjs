// The server Playwright tests run against: the production build on a fresh, migrated database of its own.
import { spawn } from "node:child_process";
import { cloneMigratedTemplate } from "./template-db.mjs";

// Run the portal's server with node directly (not through npx), so stopping this script stops the server too.
const SERVER = new URL("../server.mjs", import.meta.url).pathname;

const base = process.env.DATABASE_URL;
const dbName = (process.env.E2E_DB || "rdv_e2e").replace(/[^a-z0-9_]/gi, "");
// A copy of the migrated template Vitest uses too (same TEST_DB_PREFIX): no second `prisma migrate deploy` per run.
const template = `${(process.env.TEST_DB_PREFIX || "rdv_test").replace(/[^a-z0-9_]/gi, "")}_template`;
await cloneMigratedTemplate(base, template, [dbName]);
const u = new URL(base);
u.pathname = `/${dbName}`;
const url = u.toString();
const server = spawn(process.execPath, [SERVER, "./build/index.js"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
const stop = () => server.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => process.exit(code ?? 0));
