// npm run test:scale [-- vitest arguments]: the scale-out proof (test/scale/, about 9 minutes):
// three dispatcher processes on one PostgreSQL and one Redis, at Telegram's limit and under
// faults. The servers are TEST_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres;
// the user needs CREATEDB) and TEST_REDIS_URL (default redis://127.0.0.1:6379). Without them the
// run is skipped, loudly, on a developer's machine, and fails in CI (CI=true).
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { Redis } from "ioredis";
import pg from "pg";

const root = resolve(import.meta.dirname, "..");
const postgres = process.env.TEST_DATABASE_URL?.startsWith("postgres") ? process.env.TEST_DATABASE_URL : "postgresql://postgres@127.0.0.1:5432/postgres";
const redis = process.env.TEST_REDIS_URL?.startsWith("redis") ? process.env.TEST_REDIS_URL : "redis://127.0.0.1:6379";
const hidePassword = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");

const problems: string[] = [];
const client = new pg.Client({ connectionString: postgres, connectionTimeoutMillis: 5_000 });
try {
  await client.connect();
  await client.query("SELECT 1");
} catch (error) {
  problems.push(`PostgreSQL at ${hidePassword(postgres)}: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await client.end().catch(() => undefined);
}
const probe = new Redis(redis, { lazyConnect: true, connectTimeout: 5_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
probe.on("error", () => undefined);
try {
  await probe.connect();
  await probe.ping();
} catch (error) {
  problems.push(`Redis at ${hidePassword(redis)}: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  probe.disconnect();
}

if (problems.length > 0) {
  const banner = "=".repeat(78);
  process.stderr.write(`\n${banner}\nScale test run NOT executed: cannot reach\n${problems.map((p) => `  ${p}\n`).join("")}`);
  process.stderr.write(`Start PostgreSQL and Redis, or point TEST_DATABASE_URL and TEST_REDIS_URL at them.\n${banner}\n\n`);
  process.exit(process.env.CI === "true" ? 1 : 0);
}

const result = spawnSync("npx", ["vitest", "run", "--config", "vitest.scale.config.ts", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, TEST_DATABASE_URL: postgres, TEST_REDIS_URL: redis },
});
process.exit(result.status ?? 1);
