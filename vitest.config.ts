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
  },
});
