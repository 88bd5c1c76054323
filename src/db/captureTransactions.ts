import { AsyncLocalStorage } from "node:async_hooks";
import type pg from "pg";

/** An interactive transaction as the adapter started it: its connection, open until Prisma ends it. */
export interface CapturedTransaction {
  /** The pg client the pg adapter took from its pool for it (on SQLite, the adapter's one connection). */
  client: unknown;
  /** False from the moment Prisma sends COMMIT or ROLLBACK: the end of the callback, or its timeout. */
  open: boolean;
  /** How queryDirect parses the rows it reads on a pg client (readAsPrisma). */
  types?: pg.CustomTypesConfig;
}

type Query = { sql: string };
type Transaction = { client: unknown; executeRaw(query: Query): Promise<number>; commit(): Promise<void>; rollback(): Promise<void> };
type Adapter = { startTransaction(isolationLevel?: unknown): Promise<Transaction> };

// Set by captureTransaction around a $transaction call: where its startTransaction leaves the transaction.
const starting = new AsyncLocalStorage<{ captured?: CapturedTransaction }>();

/**
 * Lets captureTransaction see the transactions a Prisma adapter factory's adapter starts, and when
 * Prisma ends them. Prisma ends a transaction when its callback is over, or earlier when its timeout
 * runs out while the callback still runs; from then on the connection is someone else's (the pool's
 * next borrower, SQLite's next transaction), and runTransaction's statements below Prisma must not
 * reach it. Only transactions started inside captureTransaction are seen.
 */
export function captureTransactions(factory: { connect(): Promise<unknown> }, types?: pg.CustomTypesConfig): void {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = (await connect()) as Adapter;
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await start(isolationLevel);
      const slot = starting.getStore();
      if (!slot || slot.captured) return transaction;
      const captured: CapturedTransaction = { client: transaction.client, open: true, ...(types ? { types } : {}) };
      slot.captured = captured;
      // Prisma sends COMMIT or ROLLBACK through executeRaw, then calls commit() or rollback(), which
      // give the connection back; closed before either, so nothing of ours follows them.
      const executeRaw = transaction.executeRaw.bind(transaction);
      transaction.executeRaw = (query) => {
        if (/^\s*(COMMIT|ROLLBACK)\b/i.test(query.sql)) captured.open = false;
        return executeRaw(query);
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
