// Applies prisma/migrations/*/migration.sql in order at start-up and records
// them in _prisma_migrations exactly as `prisma migrate deploy` does, so the
// Prisma CLI and Relawan agree on what has been applied.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Database } from "./client.js";

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

const createTable = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export async function applyMigrations(db: Database, migrationsDir: string): Promise<MigrationReport> {
  await db.$executeRawUnsafe(createTable);
  const rows = await db.$queryRawUnsafe<{ migration_name: string; checksum: string; finished_at: unknown }[]>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
  );
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
        throw new Error(`Migration ${name} started earlier but never finished; inspect the database, then mark it with 'npx prisma migrate resolve'.`);
      }
      if (previous.checksum !== checksum) {
        throw new Error(`Migration ${name} was changed after it was applied. Never edit an applied migration; add a new one (npm run db:new-migration).`);
      }
      continue;
    }
    const id = randomUUID();
    const startedAt = new Date().toISOString();
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)`,
        id,
        checksum,
        name,
        startedAt,
      );
      for (const statement of splitStatements(sql)) await tx.$executeRawUnsafe(statement);
      await tx.$executeRawUnsafe(
        `UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`,
        new Date().toISOString(),
        id,
      );
    });
    applied.push(name);
  }
  return { applied, alreadyApplied: names.length - applied.length };
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
