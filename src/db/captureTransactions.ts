import { AsyncLocalStorage } from "node:async_hooks";
import type pg from "pg";
import { rideTransactionEnds, type EndsRidingClient } from "./postgresTransactionEnds.js";

/** An interactive transaction as the adapter started it: its connection, open until Prisma ends it. */
export interface CapturedTransaction {
  /** The pg client the pg adapter took from its pool for it (on SQLite, the adapter's one connection). */
  client: unknown;
  /** False from the moment Prisma sends COMMIT or ROLLBACK: the end of the callback, or its timeout. */
  open: boolean;
  /** How queryDirect parses the rows it reads on a pg client (readAsPrisma). */
  types?: pg.CustomTypesConfig;
  /** On PostgreSQL: the client's BEGIN and COMMIT, which go out with its first and last statements. */
  ends?: EndsRidingClient;
}

type Query = { sql: string };
type Transaction = { client: unknown; executeRaw(query: Query): Promise<number>; commit(): Promise<void>; rollback(): Promise<void> };
type Adapter = { startTransaction(isolationLevel?: unknown): Promise<Transaction>; client?: unknown };

// Set by captureTransaction around a $transaction call: where its startTransaction leaves the transaction.
const starting = new AsyncLocalStorage<{ captured?: CapturedTransaction }>();

/**
 * Lets captureTransaction see the transactions a Prisma adapter factory's adapter starts, and when
 * Prisma ends them. Prisma ends a transaction when its callback is over, or earlier when its timeout
 * runs out while the callback still runs; from then on the connection is someone else's (the pool's
 * next borrower, SQLite's next transaction), and runTransaction's statements below Prisma must not
 * reach it. Only transactions started inside captureTransaction are seen. `postgres` is given for
 * the pg adapter: how queryDirect reads rows there, and its transactions' clients send BEGIN and
 * COMMIT with their first and last statements (rideTransactionEnds).
 */
export function captureTransactions(factory: { connect(): Promise<unknown> }, postgres?: { types: pg.CustomTypesConfig }): void {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = (await connect()) as Adapter;
    const start = adapter.startTransaction;
    adapter.startTransaction = async (isolationLevel) => {
      const slot = starting.getStore();
      if (!slot || slot.captured) return start.call(adapter, isolationLevel);
      // On PostgreSQL the adapter starts it on a client of its pool: the one handed over wraps it (rideTransactionEnds).
      let ends: EndsRidingClient | undefined;
      const pool = postgres ? (adapter.client as pg.Pool) : undefined;
      const starter = pool ? Object.create(adapter, { client: { value: { connect: async () => (ends = rideTransactionEnds(await pool.connect())).client } } }) : adapter;
      const transaction = await start.call(starter as Adapter, isolationLevel);
      const captured: CapturedTransaction = { client: transaction.client, open: true, ...(postgres ? { types: postgres.types } : {}), ...(ends ? { ends } : {}) };
      slot.captured = captured;
      // Prisma sends COMMIT or ROLLBACK through executeRaw, then calls commit() or rollback(), which
      // give the connection back; closed before either, so nothing of ours follows them.
      const executeRaw = transaction.executeRaw.bind(transaction);
      transaction.executeRaw = async (query) => {
        if (!/^\s*(COMMIT|ROLLBACK)\b/i.test(query.sql)) return executeRaw(query);
        captured.open = false;
        try {
          return await executeRaw(query);
        } catch (error) {
          // Prisma gives the connection back only after COMMIT succeeded: once it failed, it is ours to give back.
          if (/^\s*COMMIT\b/i.test(query.sql)) await transaction.rollback();
          throw error;
        }
      };
      for (const end of ["commit", "rollback"] as const) {
        const close = transaction[end].bind(transaction);
        transaction[end] = () => {
          captured.open = false;
          return close();
        };
      }
      return transaction;
    };
    return adapter;
  };
}

/**
 * Runs `start` (a $transaction call) so that the transaction it opens is captured; `captured()`
 * gives it once the adapter has started it, undefined on a client without captureTransactions.
 */
export function captureTransaction<T>(start: (captured: () => CapturedTransaction | undefined) => Promise<T>): Promise<T> {
  const slot: { captured?: CapturedTransaction } = {};
  return starting.run(slot, () => start(() => slot.captured));
}
