// Databases for the tests of migrations, of the dialect under test (SQLite by default, PostgreSQL in
// `npm run test:pg`): an empty one, or one with every migration before a given one applied.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyMigrations } from "../../src/db/applyMigrations.js";
import { openDatabase, type Database } from "../../src/db/client.js";
import { createPostgresDatabase, repoRoot, testDialect } from "./createTestDatabase.js";

/** Steps a test runs afterwards, last first, to remove what these made. */
export type Cleanup = (() => Promise<void> | void)[];

export const migrationsDir = join(repoRoot, testDialect === "postgresql" ? "prisma/postgresql/migrations" : "prisma/migrations");

/** An empty database of the dialect under test, with no migrations applied, and a folder of its own. */
export async function freshDatabase(cleanup: Cleanup): Promise<{ db: Database; url: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "relawan-migrate-"));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  let url = `file:${join(dir, "m.db")}`;
  if (testDialect === "postgresql") {
    const created = await createPostgresDatabase();
    cleanup.push(() => created.remove());
    url = created.url;
  }
  const db = await openDatabase(url);
  cleanup.push(() => db.$disconnect());
  return { db, url, dir };
}

/** A database as it was before the migration whose name ends with `_<name>`: every earlier one applied. */
export async function databaseBefore(name: string, cleanup: Cleanup): Promise<{ db: Database; migration: string }> {
  const migration = readdirSync(migrationsDir).find((folder) => folder.endsWith(`_${name}`));
  if (!migration) throw new Error(`No migration named ${name}`);
  const { db, dir } = await freshDatabase(cleanup);
  const before = join(dir, "migrations");
  cpSync(migrationsDir, before, { recursive: true });
  for (const folder of readdirSync(before)) if (folder >= migration && folder !== "migration_lock.toml") rmSync(join(before, folder), { recursive: true });
  await applyMigrations(db, before);
  return { db, migration };
}
