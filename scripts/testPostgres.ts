// npm run test:pg [-- vitest arguments]: the whole suite again, each test file on its own fresh
// PostgreSQL database (see test/support/createTestDatabase.ts). The server is TEST_DATABASE_URL,
// default postgresql://postgres@127.0.0.1:5432/postgres. Without a reachable server the run is
// skipped, loudly, on a developer's machine, and fails in CI (CI=true).
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import pg from "pg";

const root = resolve(import.meta.dirname, "..");
const server = process.env.TEST_DATABASE_URL?.startsWith("postgres") ? process.env.TEST_DATABASE_URL : "postgresql://postgres@127.0.0.1:5432/postgres";
const shown = server.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");

const client = new pg.Client({ connectionString: server, connectionTimeoutMillis: 5_000 });
try {
  await client.connect();
  await client.query("SELECT 1");
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  const banner = "=".repeat(78);
  process.stderr.write(`\n${banner}\nPostgreSQL test run NOT executed: cannot reach ${shown} (${reason}).\n`);
  process.stderr.write(`Start PostgreSQL or point TEST_DATABASE_URL at a server where this user may CREATE DATABASE.\n${banner}\n\n`);
  process.exit(process.env.CI === "true" ? 1 : 0);
} finally {
  await client.end().catch(() => undefined);
}

const result = spawnSync("npx", ["vitest", "run", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, TEST_DATABASE: "postgresql", TEST_DATABASE_URL: server },
});
process.exit(result.status ?? 1);
