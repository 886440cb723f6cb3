// Migrated template databases for the test runs: `prisma migrate deploy` runs once per set of migrations, and every
// run database (Vitest's per-worker ones, the e2e server's) is a `CREATE DATABASE … TEMPLATE` copy of it, which takes
// a fraction of a second instead of a Prisma process applying ~70 migrations.
// The template remembers which migrations it holds (a hash of prisma/migrations in the database's comment): when they
// change, it is rebuilt; when they do not, the next run (Vitest, then Playwright; or tomorrow's) reuses it as it is.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const migrations = path.join(root, "prisma", "migrations");

/** A hash of every file under prisma/migrations (names and contents). */
export function migrationsHash() {
  const h = crypto.createHash("sha256");
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else {
        h.update(path.relative(migrations, p));
        h.update("\0");
        h.update(fs.readFileSync(p));
        h.update("\0");
      }
    }
  };
  walk(migrations);
  return h.digest("hex").slice(0, 16);
}

const safe = (name) => {
  if (!/^[a-z0-9_]+$/i.test(name)) throw new Error(`unsafe database name: ${name}`);
  return name;
};

function urlFor(base, db) {
  const u = new URL(base);
  u.pathname = `/${db}`;
  return u.toString();
}

/**
 * Makes `targets` fresh copies of the migrated template `template` on the server of `baseUrl` (any database of it),
 * migrating the template first only when prisma/migrations changed since it was built. Dropped targets are
 * disconnected first (WITH FORCE). Runs under an advisory lock per template, so two runs sharing a template (Vitest
 * and the e2e server of one checkout) never clone it while the other migrates it.
 */
export async function cloneMigratedTemplate(baseUrl, template, targets) {
  safe(template);
  targets.forEach(safe);
  const admin = new pg.Client({ connectionString: urlFor(baseUrl, "postgres") });
  await admin.connect();
  try {
    await admin.query("SELECT pg_advisory_lock(hashtext($1))", [`rdv-template:${template}`]);
    const marker = `migrations:${migrationsHash()}`;
    const found = await admin.query("SELECT shobj_description(oid, 'pg_database') AS marker FROM pg_database WHERE datname = $1", [template]);
    if (found.rows[0]?.marker !== marker) {
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${template}`);
      execFileSync("npx", ["prisma", "migrate", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: urlFor(baseUrl, template) }, stdio: "pipe" });
      // Set last: a template whose migration was interrupted has no marker and is rebuilt next time.
      await admin.query(`COMMENT ON DATABASE ${template} IS '${marker}'`);
    }
    for (const target of targets) {
      await admin.query(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${target} TEMPLATE ${template}`);
    }
  } finally {
    await admin.end(); // ends the session, and so its advisory lock
  }
}
