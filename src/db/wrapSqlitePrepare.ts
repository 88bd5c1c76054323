import type BetterSqlite3 from "better-sqlite3";
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

/**
 * Gives the SQLite adapter, on each connection, a view of its better-sqlite3 client whose `prepare`
 * is `wrap(prepare)`. The adapter's own view only: work below Prisma (openSqliteBulkWriter) keeps
 * better-sqlite3's prepare on the connection itself.
 */
export function wrapSqlitePrepare(factory: PrismaBetterSQLite3, wrap: (prepare: BetterSqlite3.Database["prepare"]) => BetterSqlite3.Database["prepare"]): void {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const held = adapter as unknown as { client: BetterSqlite3.Database };
    const view = Object.create(held.client) as BetterSqlite3.Database;
    view.prepare = wrap(held.client.prepare.bind(held.client));
    held.client = view;
    return adapter;
  };
}
