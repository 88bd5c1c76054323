import type { Db } from "./client.js";
import { dialectOf } from "./dialect.js";
import { quoteIdentifier } from "./quoteIdentifier.js";

/**
 * After a bulk write (an import), tells PostgreSQL's planner how big the tables are now. Until
 * autovacuum gets round to it (or never, where it is off), the planner guesses from nothing and can
 * pick a nested loop for the next million-row broadcast: 100 s instead of 44 s in our benchmark.
 * SQLite plans well without statistics: nothing to do there.
 */
export async function refreshPlannerStatistics(db: Db, tables: readonly string[]): Promise<void> {
  if (dialectOf(db) !== "postgresql" || tables.length === 0) return;
  // One table a statement, at once on the pool's connections, so each server process takes a core:
  // the four tables of a million-row import in 0.80-0.82 s against 1.09-1.39 s in one statement (load 5).
  await Promise.all(tables.map((table) => db.$executeRawUnsafe(`ANALYZE ${quoteIdentifier(table)}`)));
}
