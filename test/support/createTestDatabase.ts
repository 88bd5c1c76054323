// A throwaway database with every migration applied: what every database test runs against.
// By default a SQLite file; with TEST_DATABASE=postgresql (or TEST_DATABASE_URL=postgresql://...)
// a fresh PostgreSQL database on that server, dropped on close (npm run test:pg).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { applyMigrations } from "../../src/db/applyMigrations.js";
import { openDatabase, type Database } from "../../src/db/client.js";

export const repoRoot = resolve(import.meta.dirname, "../..");

/** The server the PostgreSQL run uses: any database on it works, each test makes its own. */
export const postgresBaseUrl =
  process.env.TEST_DATABASE_URL?.startsWith("postgres") === true ? process.env.TEST_DATABASE_URL : "postgresql://postgres@127.0.0.1:5432/postgres";

/** Which database this test run uses; tests of SQLite-only or PostgreSQL-only behaviour skip on the other. */
export const testDialect: "sqlite" | "postgresql" =
  process.env.TEST_DATABASE === "postgresql" || process.env.TEST_DATABASE_URL?.startsWith("postgres") === true ? "postgresql" : "sqlite";

export interface TestDatabase {
  db: Database;
  /** DATABASE_URL of the database, for a second connection or a child process. */
  url: string;
  /** Opens another connection to the same database, as another process would. */
  connect(): Promise<Database>;
  close(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const created = testDialect === "postgresql" ? await createPostgresDatabase() : createSqliteFile();
  const db = await openDatabase(created.url);
  // The same start-up step as the bot: the dialect's committed migrations, in order.
  await applyMigrations(db);
  const extra: Database[] = [];
  return {
    db,
    url: created.url,
    async connect() {
      const other = await openDatabase(created.url);
      extra.push(other);
      return other;
    },
    async close() {
      for (const other of extra) await other.$disconnect();
      await db.$disconnect();
      await created.remove();
    },
  };
}

function createSqliteFile(): { url: string; remove(): Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), "relawan-test-"));
  return {
    url: `file:${join(dir, "test.db")}`,
    remove: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A new, empty database on the test server, named relawan_t_<random>. */
export async function createPostgresDatabase(): Promise<{ url: string; remove(): Promise<void> }> {
  const name = `relawan_t_${randomBytes(6).toString("hex")}`;
  await onServer(`CREATE DATABASE "${name}"`);
  const url = new URL(postgresBaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE: a child process or a pool that did not close cleanly must not keep it alive.
    remove: () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresBaseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
