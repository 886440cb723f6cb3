// `npm test`: every test on a real PostgreSQL (DATABASE_URL's server, or the embedded default):
// the static checks and the production build side by side, then Vitest (unit and integration), then Playwright in
// Chromium against that build. Ends with one line "N passed, N failed" over both runners, after each phase's time.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureDatabase } from "./db.mjs";

const db = await ensureDatabase({ quiet: true });
const env = { ...process.env, DATABASE_URL: db.url };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "rdv-test-"));
const only = process.argv[2]; // "static", "unit" or "e2e" to run one part

// Each phase's wall time, printed at the end (bench/README.md, "Test suite duration").
const timings = [];
const seconds = (start) => `${((Date.now() - start) / 1000).toFixed(1)} s`;

function run(cmd, args, extra, what) {
  const start = Date.now();
  const status = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extra } }).status ?? 1;
  timings.push(`${what} ${seconds(start)}`);
  return status;
}

/** Runs a command with its output kept aside (printed by the caller, so parallel commands do not interleave). */
function runQuiet(cmd, args, what) {
  const start = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], env });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", (e) => (output += String(e)));
    child.on("close", (status) => {
      timings.push(`${what} ${seconds(start)}`);
      resolve({ status: status ?? 1, output });
    });
  });
}

let passed = 0;
let failed = 0;
let skipped = 0;
let code = 0;

// Static checks, one "test" each: the compiler (typed translation keys included) and the layers of app/
// (no import cycle, nothing importing upward: .dependency-cruiser.cjs). They and the production build are three
// single-threaded processes with no timing in them: they share the two cores instead of taking turns.
// The build skips `npm run build`'s `prisma generate`: `npm ci`'s postinstall generated the client (the typecheck
// needs it already).
const statics = !only || only === "static"
  ? [
      ["typecheck", runQuiet("npx", ["tsc", "--noEmit", "-p", "."], "typecheck")],
      ["layers", runQuiet("npx", ["depcruise", "app", "emails", "--config", ".dependency-cruiser.cjs"], "layers")],
    ]
  : [];
const build = only !== "unit" && only !== "static" ? runQuiet("npx", ["remix", "build"], "build") : undefined;

for (const [what, result] of statics) {
  const { status, output } = await result;
  if (status !== 0 || output.trim()) process.stdout.write(output);
  console.log(`${status === 0 ? "✓" : "✗"} ${what}`);
  if (status === 0) passed += 1;
  else {
    failed += 1;
    code = 1;
  }
}
// Vitest waits for the build: its timed tests get both cores.
const built = build && (await build);

if (only !== "e2e" && only !== "static") {
  const out = path.join(tmp, "vitest.json");
  const status = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], {}, "vitest");
  if (status !== 0) code = 1;
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  } else failed += 1;
}

if (built) {
  if (built.status !== 0) {
    process.stdout.write(built.output);
    console.log("✗ build");
    code = 1;
    failed += 1;
  } else {
    const out = path.join(tmp, "playwright.json");
    const status = run("npx", ["playwright", "test"], { PW_JSON: out }, "playwright");
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
console.log(`\n${timings.join(", ")}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(code || (failed ? 1 : 0));
