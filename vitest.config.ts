import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each test file gets its own SQLite file; no shared state between files.
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
