import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type Adapter = {
  queryRaw(query: unknown): Promise<unknown>;
  executeRaw(query: unknown): Promise<unknown>;
  executeScript(script: string): Promise<void>;
  startTransaction(isolationLevel?: unknown): Promise<{ commit(): Promise<void>; rollback(): Promise<void> }>;
};

/**
 * Keeps the SQLite adapter's statements out of transactions that are not theirs. The adapter runs
 * everything on one connection and locks only transactions against each other, so a statement the
 * bot issued meanwhile (the dispatcher recording a send while a conversation turn's transaction
 * was open) ran inside that transaction: it read the turn's uncommitted rows, and a rollback of the
 * turn silently undid it, a delivery recorded as sent going back to claimed and, its lease over, out
 * again. Here a transaction holds the connection from its start to its end, and a statement from
 * outside waits for that; one at a time, first come first served.
 */
export function serializeSqliteTransactions(factory: PrismaBetterSQLite3): void {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = (await connect()) as unknown as Adapter;
    let tail: Promise<void> = Promise.resolve();
    let busy = 0;
    // Resolves when every holder queued before it is done; the returned function ends this hold.
    const hold = async (): Promise<() => void> => {
      busy += 1;
      const before = tail;
      let end!: () => void;
      tail = new Promise<void>((resolve) => (end = resolve));
      await before;
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        busy -= 1;
        end();
      };
    };
    const outside = <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        // Nothing open or waiting: better-sqlite3 runs the statement to its end before anyone else can start.
        if (busy === 0) return run(...args);
        const release = await hold();
        try {
          return await run(...args);
        } finally {
          release();
        }
      };
    adapter.queryRaw = outside(adapter.queryRaw.bind(adapter));
    adapter.executeRaw = outside(adapter.executeRaw.bind(adapter));
    adapter.executeScript = outside(adapter.executeScript.bind(adapter));
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const release = await hold();
      try {
        const transaction = await start(isolationLevel);
        // Prisma sends COMMIT or ROLLBACK on the transaction first, then calls these.
        const commit = transaction.commit.bind(transaction);
        const rollback = transaction.rollback.bind(transaction);
        transaction.commit = () => commit().finally(release);
        transaction.rollback = () => rollback().finally(release);
        return transaction;
      } catch (err) {
        release();
        throw err;
      }
    };
    return adapter as unknown as Awaited<ReturnType<typeof connect>>;
  };
}
