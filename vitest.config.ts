import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}"],
    globals: true,
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/worker.ts"],
    pool: "forks",
    // Lets the import test measure live memory (global.gc) instead of a heap full of garbage.
    execArgv: ["--expose-gc"],
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 30_000,
    fileParallelism: true,
    // Each fork keeps its modules from one file to the next (the app, Prisma's client and its pool are loaded once per
    // fork, not once per file: a quarter of the CPU of a run of small files). tests/setup/worker.ts leaves the client
    // connected and the environment as it found it; docs/decisions/0059-test-suite-speed.md.
    isolate: false,
    // As Playwright under CI=1 (.ci/run): one retry absorbs a neighbour's timeout on the shared machine; a test that
    // fails twice still fails the run.
    retry: process.env.CI ? 1 : 0,
  },
});
