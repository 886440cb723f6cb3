// `npm run demo`: a real PostgreSQL (DATABASE_URL, or the embedded default), migrated and seeded, and the portal
// built and served at http://localhost:$PORT. Ctrl-C stops the server and the embedded database.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { ensureDatabase } from "./db.mjs";
import { demoApiCurl } from "../prisma/demo-api.mjs";

// Run the portal's server with node directly (not through npx), so stopping this script stops the server too.
const SERVER = new URL("../server.mjs", import.meta.url).pathname;

const port = process.env.PORT || "3000";

// A production server refuses the public default secret: the demo keeps a random one of its own in .data/.
function demoSessionSecret() {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET;
  const file = new URL("../.data/session-secret", import.meta.url);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(new URL("../.data/", import.meta.url), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}
const db = await ensureDatabase();
// The seed seals the demo webhook secrets under a key derived from SESSION_SECRET: it must be the server's.
const env = { ...process.env, DATABASE_URL: db.url, SESSION_SECRET: demoSessionSecret() };

function run(cmd, args, extraEnv = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  if (r.status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(" ")} failed.`);
    return false;
  }
  return true;
}

async function fail() {
  await db.stop();
  process.exit(1);
}

console.log("→ Applying database migrations…");
if (!run("npx", ["prisma", "migrate", "deploy"])) await fail();
console.log("→ Seeding the demo agency…");
if (!run("npx", ["tsx", "prisma/seed.ts"])) await fail();
if (!process.argv.includes("--no-build")) {
  console.log("→ Building the portal…");
  if (!run("npm", ["run", "build", "--silent"])) await fail();
}

const server = spawn(process.execPath, [SERVER, "./build/index.js"], {
  stdio: ["ignore", "pipe", "inherit"],
  env: { ...env, PORT: port, NODE_ENV: "production", INSECURE_COOKIES: "1", SESSION_SECRET: demoSessionSecret(), APP_URL: process.env.APP_URL || `http://localhost:${port}` },
});
server.stdout.on("data", (chunk) => {
  const text = chunk.toString();
  if (/\[rendezvous\]/.test(text)) {
    console.log(`
  Rendezvous is running at http://localhost:${port}
  Database: ${db.embedded ? "embedded PostgreSQL (.data/pg)" : "DATABASE_URL"}
  Emails: ${process.env.RESEND_API_KEY ? "sent through Resend" : "kept in the outbox (sign in as the agency admin, then Emails)"}

  Demo logins (password: rendezvous-demo)
    Agency admin     admin@pipeline-partners.test
    Account manager  claire.martin@pipeline-partners.test
    SDR              lucas.bernard@pipeline-partners.test
    Client admin     sophie.durand@acme-logistique.test
    Client member    thomas.petit@acme-logistique.test

  Try the API: ${demoApiCurl(`http://localhost:${port}`)}

  Ctrl-C stops the portal${db.embedded ? " and the database" : ""}.
`);
  } else process.stdout.write(text);
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // The server first (it finishes its jobs and closes its connections), then the database.
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    const timer = setTimeout(() => server.kill("SIGKILL"), 8000);
    await exited;
    clearTimeout(timer);
  }
  await db.stop();
  process.exit(0);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", async (code) => {
  if (!stopping) {
    console.error(`The portal stopped (exit code ${code}).`);
    await db.stop();
    process.exit(code ?? 1);
  }
});
