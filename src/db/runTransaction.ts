import type BetterSqlite3 from "better-sqlite3";
import type { Database, Db } from "./client.js";
import { driverOf } from "./driverOf.js";

/** The SQLite connection of each transaction runTransaction has open: theirs alone until it ends. */
const openTransactions = new WeakMap<Db, BetterSqlite3.Database>();

/**
 * Prisma's interactive transaction, with queryDirect allowed inside it on SQLite: the adapter runs
 * one transaction at a time on its one connection, so while the callback runs every statement on
 * that connection is the transaction's, and queryDirect can run it on better-sqlite3 with its
 * prepared statement kept, without Prisma's work around a raw query (its query compiler and
 * argument mapping, about 0.15 ms of CPU a statement: the bulk of a conversation turn's). Once the
 * callback is over the transaction client falls back to $queryRaw, which Prisma refuses after the
 * end. On PostgreSQL the transaction holds a pooled connection that queryDirect cannot see, so its
 * statements go through Prisma as before.
 */
export async function runTransaction<T>(db: Database, run: (tx: Db) => Promise<T>, options: { timeout: number; maxWait: number }): Promise<T> {
  const driver = driverOf(db);
  if (driver?.dialect !== "sqlite") return db.$transaction(run, options);
  return db.$transaction(async (tx) => {
    openTransactions.set(tx, driver.sqlite);
    try {
      return await run(tx);
    } finally {
      openTransactions.delete(tx);
    }
  }, options);
}

/** The SQLite connection a transaction client of runTransaction owns while its callback runs. */
export function sqliteOfOpenTransaction(tx: Db): BetterSqlite3.Database | undefined {
  return openTransactions.get(tx);
}
