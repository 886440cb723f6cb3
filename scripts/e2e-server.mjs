// The server Playwright tests run against: the production build on a fresh, migrated database of its own.
import { execFileSync, spawn } from "node:child_process";
import pg from "pg";

// Run the portal's server with node directly (not through npx), so stopping this script stops the server too.
const SERVER = new URL("../server.mjs", import.meta.url).pathname;

const base = process.env.DATABASE_URL;
const dbName = process.env.E2E_DB || "rdv_e2e";
const u = new URL(base);
u.pathname = "/postgres";
const admin = new pg.Client({ connectionString: u.toString() });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${dbName}`);
await admin.end();
u.pathname = `/${dbName}`;
const url = u.toString();
execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
const server = spawn(process.execPath, [SERVER, "./build/index.js"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
const stop = () => server.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => process.exit(code ?? 0));
