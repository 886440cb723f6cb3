// As root, a checkout inside a folder other users cannot enter (mode 700, as /root is): the embedded PostgreSQL
// runs as the `postgres` user, who can reach neither the data folder nor (often) the binaries. It must still start.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";

const repo = path.resolve(__dirname, "../..");
const asRoot = process.getuid?.() === 0;

describe.skipIf(!asRoot)("embedded PostgreSQL as root in a folder closed to other users", () => {
  it("starts, answers a query and stops, with one line of explanation and no stack trace", () => {
    const closed = fs.mkdtempSync(path.join(os.tmpdir(), "rdv-700-"));
    fs.chmodSync(closed, 0o700);
    const checkout = path.join(closed, "checkout");
    fs.mkdirSync(path.join(checkout, "scripts"), { recursive: true });
    fs.copyFileSync(path.join(repo, "scripts/db.mjs"), path.join(checkout, "scripts/db.mjs"));
    fs.symlinkSync(path.join(repo, "node_modules"), path.join(checkout, "node_modules"));
    fs.writeFileSync(path.join(checkout, "package.json"), JSON.stringify({ type: "module" }));
    const script = `
      const { ensureDatabase } = await import("./scripts/db.mjs");
      const db = await ensureDatabase({ quiet: true });
      const { default: pg } = await import("pg");
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      const r = await c.query("select 41 + 1 as answer");
      await c.end();
      await db.stop();
      console.log("answer=" + r.rows[0].answer);`;
    const env: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_PG_PORT: "54391" };
    delete env.DATABASE_URL;
    try {
      const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: checkout, env, encoding: "utf8", timeout: 120_000 });
      expect(r.stderr).not.toMatch(/EACCES|\n\s+at /);
      expect(r.stdout).toContain("answer=42");
      expect(r.status).toBe(0);
    } finally {
      fs.rmSync(closed, { recursive: true, force: true });
    }
  }, 150_000);
});
