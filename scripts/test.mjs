// `npm test`: every test on a real PostgreSQL (DATABASE_URL's server, or the embedded default):
// Vitest (unit and integration), then the production build and Playwright in Chromium.
// Ends with one line "N passed, N failed" over both runners.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureDatabase } from "./db.mjs";

const db = await ensureDatabase({ quiet: true });
const env = { ...process.env, DATABASE_URL: db.url };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "rdv-test-"));
const only = process.argv[2]; // "static", "unit" or "e2e" to run one part

function run(cmd, args, extra = {}) {
  return spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extra } }).status ?? 1;
}

let passed = 0;
let failed = 0;
let skipped = 0;
let code = 0;

// Static checks, one "test" each: the compiler (typed translation keys included) and the layers of app/
// (no import cycle, nothing importing upward: .dependency-cruiser.cjs).
if (!only || only === "static") {
  for (const [what, cmd, args] of [
    ["typecheck", "npx", ["tsc", "--noEmit", "-p", "."]],
    ["layers", "npx", ["depcruise", "app", "emails", "--config", ".dependency-cruiser.cjs"]],
  ]) {
    const status = run(cmd, args);
    console.log(`${status === 0 ? "✓" : "✗"} ${what}`);
    if (status === 0) passed += 1;
    else {
      failed += 1;
      code = 1;
    }
  }
}

if (only !== "e2e" && only !== "static") {
  const out = path.join(tmp, "vitest.json");
  const status = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
  if (status !== 0) code = 1;
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  } else failed += 1;
}

if (only !== "unit" && only !== "static") {
  if (run("npm", ["run", "build", "--silent"]) !== 0) {
    code = 1;
    failed += 1;
  } else {
    const out = path.join(tmp, "playwright.json");
    const status = run("npx", ["playwright", "test"], { PW_JSON: out });
    if (status !== 0) code = 1;
    if (fs.existsSync(out)) {
      const s = JSON.parse(fs.readFileSync(out, "utf8")).stats;
      passed += s.expected + s.flaky;
      failed += s.unexpected;
      skipped += s.skipped;
    } else failed += 1;
  }
}

await db.stop();
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(code || (failed ? 1 : 0));
