// Runs a command with DATABASE_URL pointing at a real PostgreSQL (the given one, or the embedded default).
import { spawn } from "node:child_process";
import { ensureDatabase } from "./db.mjs";

const [cmd, ...args] = process.argv.slice(2);
const db = await ensureDatabase({ quiet: true });
const child = spawn(cmd, args, { stdio: "inherit", env: { ...process.env, DATABASE_URL: db.url }, shell: false });
const forward = (sig) => child.kill(sig);
process.on("SIGINT", forward);
process.on("SIGTERM", forward);
child.on("exit", async (code, signal) => {
  await db.stop();
  process.exit(code ?? (signal ? 1 : 0));
});
