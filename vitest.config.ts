import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Installs Chromium for the browser tests when it can, else stops at once naming the command.
    globalSetup: ["test/setup/chromium.ts"],
    // DuckDB and the browser tests are heavy; two workers match the machine's two cores.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
