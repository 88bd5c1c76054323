import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "test/scale/**"], // the scale-out proof: npm run test:scale
    // Every test gets its own database (a SQLite file, or a PostgreSQL database under npm run test:pg); no shared state.
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
