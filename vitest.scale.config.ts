import { defineConfig } from "vitest/config";

// npm run test:scale: the scale-out proof on the real PostgreSQL and Redis (see scripts/testScale.ts).
// One file at a time: each test measures a rate, which other tests' CPU would distort.
export default defineConfig({
  test: {
    include: ["test/scale/**/*.test.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 15 * 60_000,
    hookTimeout: 2 * 60_000,
  },
});
