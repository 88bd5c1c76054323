import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";
import type { Database, Db } from "./client.js";
import { captureTransaction, type CapturedTransaction } from "./captureTransactions.js";
import type { EndsRidingClient } from "./postgresTransactionEnds.js";
import { driverOf } from "./driverOf.js";

type Held = { transaction: CapturedTransaction } & ({ sqlite: BetterSqlite3.Database } | { postgres: pg.PoolClient; types?: pg.CustomTypesConfig; ends?: EndsRidingClient });

/** The connection of each transaction runTransaction has open: theirs alone until it ends. */
const openTransactions = new WeakMap<Db, Held>();

/**
 * Prisma's interactive transaction, with queryDirect allowed inside it: below Prisma, a statement
 * skips its work around a raw query (its query compiler and argument mapping, about 0.15 ms of CPU a
 * statement: the bulk of a conversation turn's). On SQLite the adapter runs one transaction at a
 * time on its one connection, so while the transaction is open every statement on that connection
 * is its, and queryDirect runs it on better-sqlite3 with its prepared statement kept. On PostgreSQL
 * queryDirect sends it by name (prepared once per connection) on the pg client the adapter took from
 * the pool for the transaction. Both are captured when the adapter starts the transaction
 * (captureTransactions); once Prisma has ended it (the callback is over, or its timeout ran out
 * first) the transaction client falls back to $queryRaw, which Prisma refuses.
 */
export async function runTransaction<T>(db: Database, run: (tx: Db) => Promise<T>, options: { timeout: number; maxWait: number }): Promise<T> {
  const driver = driverOf(db);
  if (!driver) return db.$transaction(run, options);
  return captureTransaction((captured) =>
    db.$transaction(async (tx) => {
      const transaction = captured();
      if (!transaction) return run(tx);
      const held: Held =
        driver.dialect === "sqlite"
          ? { transaction, sqlite: driver.sqlite }
          : { transaction, postgres: transaction.client as pg.PoolClient, ...(transaction.types ? { types: transaction.types } : {}), ...(transaction.ends ? { ends: transaction.ends } : {}) };
      openTransactions.set(tx, held);
      try {
        return await run(tx);
      } finally {
        openTransactions.delete(tx);
      }
    }, options),
  );
}

/** The SQLite connection a transaction client of runTransaction owns until Prisma ends its transaction. */
export function sqliteOfOpenTransaction(tx: Db): BetterSqlite3.Database | undefined {
  const held = openTransactions.get(tx);
  return held?.transaction.open && "sqlite" in held ? held.sqlite : undefined;
}

/** The pg client (how to read its rows, and its BEGIN and COMMIT) a transaction client of runTransaction owns until Prisma ends its transaction. */
export function postgresOfOpenTransaction(tx: Db): { client: pg.PoolClient; types?: pg.CustomTypesConfig; ends?: EndsRidingClient } | undefined {
  const held = openTransactions.get(tx);
  return held?.transaction.open && "postgres" in held ? { client: held.postgres, ...(held.types ? { types: held.types } : {}), ...(held.ends ? { ends: held.ends } : {}) } : undefined;
}
