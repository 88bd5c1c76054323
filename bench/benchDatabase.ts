import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { applyMigrations } from "../src/db/applyMigrations.js";
import { openDatabase, type Database } from "../src/db/client.js";

export const root = resolve(import.meta.dirname, "..");

export interface BenchDatabase {
  db: Database;
  url: string;
  /** Size of the database file and its write-ahead log, in MB. */
  sizeMb(): number;
  close(): Promise<void>;
}

/** A fresh SQLite file with every migration, in a temporary folder removed on close. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "relawan-bench-"));
  const file = join(dir, "bench.db");
  const url = `file:${file}`;
  const db = await openDatabase(url);
  await applyMigrations(db, join(root, "prisma/migrations"));
  return {
    db,
    url,
    sizeMb: () => [file, `${file}-wal`].reduce((mb, f) => mb + (safeSize(f) / 1024 / 1024), 0),
    async close() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function safeSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
