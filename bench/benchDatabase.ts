// The database a benchmark writes to: a fresh SQLite file, or a fresh PostgreSQL database
// (relawan_bench_<random>) on BENCH_POSTGRES_URL's server. BENCH_DATABASE=sqlite|postgresql|both
// picks which ones `npm run bench` measures; see benchDatabases().
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { applyMigrations } from "../src/db/applyMigrations.js";
import { openDatabase, type Database } from "../src/db/client.js";

export const root = resolve(import.meta.dirname, "..");

export type BenchDialect = "sqlite" | "postgresql";

/** The server PostgreSQL benchmarks create their databases on; any database on it works. */
export const postgresServerUrl = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface BenchDatabase {
  dialect: BenchDialect;
  db: Database;
  /** DATABASE_URL of the database, for a child process or a raw-SQL seeder. */
  url: string;
  /** On-disk size in MB: the SQLite file and its write-ahead log, or pg_database_size. */
  sizeMb(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The databases to measure, from BENCH_DATABASE. Without it: both when PostgreSQL answers at
 * BENCH_POSTGRES_URL, otherwise SQLite alone, saying loudly that PostgreSQL was skipped and why.
 */
export async function benchDatabases(): Promise<BenchDialect[]> {
  const chosen = process.env.BENCH_DATABASE ?? "";
  if (chosen === "sqlite") return ["sqlite"];
  if (chosen === "postgresql") return ["postgresql"];
  if (chosen === "both") return ["sqlite", "postgresql"];
  if (chosen !== "") throw new Error(`BENCH_DATABASE must be sqlite, postgresql or both, not ${chosen}`);
  const problem = await postgresProblem();
  if (problem === undefined) return ["sqlite", "postgresql"];
  console.log(`!!! PostgreSQL figures SKIPPED: ${redact(postgresServerUrl)} did not answer (${problem}); set BENCH_POSTGRES_URL, or BENCH_DATABASE=sqlite to silence this.`);
  return ["sqlite"];
}

/** A fresh database with every migration applied (the dialect's own folder), removed on close. */
export async function createBenchDatabase(dialect: BenchDialect = "sqlite"): Promise<BenchDatabase> {
  return dialect === "postgresql" ? createPostgresBenchDatabase() : createSqliteBenchDatabase();
}

async function createSqliteBenchDatabase(): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "relawan-bench-"));
  const file = join(dir, "bench.db");
  const url = `file:${file}`;
  const db = await openDatabase(url);
  await applyMigrations(db);
  return {
    dialect: "sqlite",
    db,
    url,
    sizeMb: async () => [file, `${file}-wal`].reduce((mb, f) => mb + safeSize(f) / 1024 / 1024, 0),
    async close() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgresBenchDatabase(): Promise<BenchDatabase> {
  const name = `relawan_bench_${randomBytes(6).toString("hex")}`;
  const target = new URL(postgresServerUrl);
  target.pathname = `/${name}`;
  const url = target.toString();
  // openDatabase creates a database the server does not have yet, as the bot's start-up does.
  const db = await openDatabase(url);
  await applyMigrations(db);
  return {
    dialect: "postgresql",
    db,
    url,
    async sizeMb() {
      const [row] = await db.$queryRaw<{ bytes: bigint }[]>`SELECT pg_database_size(current_database()) AS bytes`;
      return Number(row?.bytes ?? 0) / 1024 / 1024;
    },
    async close() {
      await db.$disconnect();
      // FORCE ends every other session on it first: a killed child's pool must not keep it alive.
      await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function postgresProblem(): Promise<string | undefined> {
  try {
    await onServer("SELECT 1");
    return undefined;
  } catch (error) {
    return (error as Error).message || String(error);
  }
}

async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresServerUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query(statement);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

function safeSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
