// Applies the committed migrations in order at start-up and records them in _prisma_migrations
// exactly as `prisma migrate deploy` does, so the Prisma CLI and Relawan agree on what has been
// applied. SQLite uses prisma/migrations, PostgreSQL prisma/postgresql/migrations. Prisma's own
// migrate cannot run here: offline there is no native engine, and through the pg adapter it
// fails (prisma/orm#27403).
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { StartupError } from "../StartupError.js";
import { Prisma, type Database, type Db } from "./client.js";
import { dialectOf, type Dialect } from "./dialect.js";

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

const root = resolve(import.meta.dirname, "../..");

// The table as Prisma's schema engine creates it for each provider.
const createTable: Record<Dialect, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`,
  postgresql: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`,
};

// The advisory lock key `prisma migrate deploy` takes on PostgreSQL: several bot processes
// starting at once (or one of them and the CLI) migrate one after the other.
const PRISMA_MIGRATE_LOCK = 72707369;

/** Applies what is not applied yet from `migrationsDir` (by default the folder for the database's dialect). */
export async function applyMigrations(db: Database, migrationsDir?: string): Promise<MigrationReport> {
  const dialect = dialectOf(db);
  const dir = migrationsDir ?? join(root, "prisma", ...(dialect === "postgresql" ? ["postgresql"] : []), "migrations");
  const lock = join(dir, "migration_lock.toml");
  const locked = existsSync(lock) ? /provider\s*=\s*"(\w+)"/.exec(readFileSync(lock, "utf8"))?.[1] : undefined;
  if (locked !== undefined && locked !== dialect) {
    throw new StartupError(`${dir} holds ${locked} migrations, but the database is ${dialect}.`, 2);
  }
  if (dialect === "postgresql") {
    // PostgreSQL runs DDL in transactions: all pending migrations commit together or not at all,
    // under the lock. (Statements that refuse a transaction, like CREATE INDEX CONCURRENTLY, are
    // not what Prisma generates for this data model.)
    return db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PRISMA_MIGRATE_LOCK})`;
        return applyPending(tx, dir, dialect, (step) => step(tx));
      },
      { timeout: 10 * 60_000, maxWait: 60_000 },
    );
  }
  // SQLite: one transaction per migration; the database file is locked while each runs.
  return applyPending(db, dir, dialect, (step) => db.$transaction(step));
}

async function applyPending(
  db: Db,
  migrationsDir: string,
  dialect: Dialect,
  inTransaction: (step: (tx: Db) => Promise<void>) => Promise<void>,
): Promise<MigrationReport> {
  await db.$executeRawUnsafe(createTable[dialect]);
  const rows = await db.$queryRaw<{ migration_name: string; checksum: string; finished_at: unknown }[]>`
    SELECT "migration_name", "checksum", "finished_at" FROM "_prisma_migrations" WHERE "rolled_back_at" IS NULL`;
  const done = new Map(rows.map((r) => [r.migration_name, r]));
  const names = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

  const applied: string[] = [];
  for (const name of names) {
    const sql = await readFile(join(migrationsDir, name, "migration.sql"), "utf8");
    const checksum = createHash("sha256").update(sql).digest("hex");
    const previous = done.get(name);
    if (previous) {
      if (previous.finished_at === null) {
        throw new StartupError(`Migration ${name} started earlier but never finished; inspect the database, then mark it with 'npx prisma migrate resolve'.`, 2);
      }
      if (previous.checksum !== checksum) {
        throw new StartupError(`Migration ${name} was changed after it was applied. Never edit an applied migration; add a new one (npm run db:new-migration).`, 2);
      }
      continue;
    }
    const id = randomUUID();
    await inTransaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count")
        VALUES (${id}, ${checksum}, ${name}, ${timestamp(dialect, new Date())}, 0)`;
      for (const statement of splitStatements(sql)) await tx.$executeRawUnsafe(statement);
      await tx.$executeRaw`UPDATE "_prisma_migrations" SET "finished_at" = ${timestamp(dialect, new Date())}, "applied_steps_count" = 1 WHERE "id" = ${id}`;
    });
    applied.push(name);
  }
  return { applied, alreadyApplied: names.length - applied.length };
}

// SQLite keeps Prisma's ISO text; PostgreSQL's TIMESTAMPTZ takes the instant itself.
function timestamp(dialect: Dialect, at: Date): Prisma.Sql {
  return dialect === "postgresql" ? Prisma.sql`CAST(${at.toISOString()} AS TIMESTAMPTZ)` : Prisma.sql`${at.toISOString()}`;
}

/** Prisma's generated SQL has one statement per `;`-terminated block and no procedural bodies. */
export function splitStatements(sql: string): string[] {
  return sql
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("--"))
    .join("\n")
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
