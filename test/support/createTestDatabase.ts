// A throwaway SQLite file with every migration applied: what every database test runs against.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { applyMigrations } from "../../src/db/applyMigrations.js";
import { openDatabase, type Database } from "../../src/db/client.js";

export const repoRoot = resolve(import.meta.dirname, "../..");

export interface TestDatabase {
  db: Database;
  /** DATABASE_URL of the file, for a second connection or a child process. */
  url: string;
  /** Opens another connection to the same file, as another process would. */
  connect(): Promise<Database>;
  close(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "relawan-test-"));
  const url = `file:${join(dir, "test.db")}`;
  const db = await openDatabase(url);
  await applyMigrations(db, join(repoRoot, "prisma", "migrations"));
  const extra: Database[] = [];
  return {
    db,
    url,
    async connect() {
      const other = await openDatabase(url);
      extra.push(other);
      return other;
    },
    async close() {
      for (const other of extra) await other.$disconnect();
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
