import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3127);
const BASE = process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:54329/rendezvous";
const E2E_DB = (process.env.E2E_DB || "rdv_e2e").replace(/[^a-z0-9_]/gi, "");
const e2eUrl = new URL(BASE);
e2eUrl.pathname = `/${E2E_DB}`;
// The test process writes fixtures into the same database the server reads.
process.env.DATABASE_URL = e2eUrl.toString();
process.env.SESSION_SECRET ??= "e2e-secret-e2e-secret";

// Chromium's headless shell (Debian's chromium-headless-shell, the build Playwright itself runs headless by default) when
// it is there: the same Blink and V8 without the desktop browser's GPU and UI processes, about a fifth less CPU on this
// 2-core machine (docs/decisions/0059-test-suite-speed.md); otherwise the full Chromium.
const SHELL = "/usr/bin/chromium-headless-shell";
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH || (existsSync(SHELL) ? SHELL : "/usr/bin/chromium"),
  args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};

export default defineConfig({
  testDir: "./tests/e2e",
  // Long flows (several people, many posts) need more than 30 s on a busy machine; a test that hangs still fails
  // within the minute.
  timeout: 60_000,
  // One output folder per run database, so two runs in the same checkout do not wipe each other's.
  outputDir: `test-results/${E2E_DB}`,
  expect: { timeout: 7_000 },
  retries: process.env.CI ? 1 : 0,
  // One worker by default: on this 2-core machine two workers (E2E_WORKERS=2) made the e2e phase no faster (the server
  // and two browsers saturate both cores: 20 min for the phase in a quiet fresh-clone run on 2026-12-03) and pushed long
  // flows past their timeouts. Specs stay safe to run side by side (rules at the top of tests/e2e/fixtures.ts), so
  // E2E_WORKERS=2 is there for a machine with more cores.
  workers: Number(process.env.E2E_WORKERS || 1),
  reporter: process.env.PW_JSON ? [["list"], ["json", { outputFile: process.env.PW_JSON }]] : [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    locale: "en-GB",
    // Where our users are: a time rendered in the server's zone (UTC) would not match the browser's and break hydration.
    timezoneId: "Europe/Paris",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: /\.mobile\.spec\.ts$/,
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
    {
      // The main pages of each role on a 390 px phone (touch, mobile viewport): *.mobile.spec.ts.
      name: "mobile",
      testMatch: /\.mobile\.spec\.ts$/,
      use: { ...devices["Pixel 5"], viewport: { width: 390, height: 844 }, launchOptions },
    },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `http://localhost:${PORT}/healthz`,
    env: {
      DATABASE_URL: BASE,
      E2E_DB,
      PORT: String(PORT),
      NODE_ENV: "production",
      INSECURE_COOKIES: "1",
      SESSION_SECRET: process.env.SESSION_SECRET,
      APP_URL: `http://localhost:${PORT}`,
      RESEND_API_KEY: "",
      LOGIN_MAX_FAILURES: "5",
      // Webhooks reach the receivers tests start on this machine (tests/e2e/webhooks.spec.ts), and retry within seconds.
      WEBHOOKS_ALLOW_LOOPBACK: "true",
      WEBHOOK_RETRY_BASE_SECONDS: "1",
      WEBHOOK_TIMEOUT_MS: "3000",
    },
    reuseExistingServer: false,
    timeout: 90_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
