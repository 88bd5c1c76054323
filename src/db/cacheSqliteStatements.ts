import type BetterSqlite3 from "better-sqlite3";
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { wrapSqlitePrepare } from "./wrapSqlitePrepare.js";

// Enough for every distinct statement the bot runs in a day; Prisma's model queries can embed
// values (an IN list's length), so the cache is bounded and forgets the least recently used.
const size = 500;

/**
 * Makes the SQLite adapter prepare each distinct statement once. The adapter prepares every query
 * anew (`client.prepare(sql).bind(args)`), about a tenth of a conversation turn's CPU; here
 * `prepare` returns a cached statement behind an object whose `bind` only keeps the arguments for
 * this one use (better-sqlite3's own `bind` fixes them for the statement's life). Safe because
 * better-sqlite3 runs each statement to completion synchronously, so no two uses overlap.
 */
export function cacheSqliteStatements(factory: PrismaBetterSQLite3): void {
  wrapSqlitePrepare(factory, cachingPrepare);
}

function cachingPrepare(prepare: BetterSqlite3.Database["prepare"]): BetterSqlite3.Database["prepare"] {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return ((sql: string) => {
    let statement = cache.get(sql);
    if (statement) cache.delete(sql);
    else {
      statement = prepare(sql);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, statement);
    return onceBound(statement, []);
  }) as BetterSqlite3.Database["prepare"];
}

/** What the adapter uses of a statement, with the arguments given per call instead of bound for good. */
function onceBound(statement: BetterSqlite3.Statement, args: unknown[]): BetterSqlite3.Statement {
  return {
    reader: statement.reader,
    bind: (bound: unknown[]) => onceBound(statement, bound),
    run: () => statement.run(args),
    columns: () => statement.columns(),
    raw: () => ({ all: () => statement.raw(true).all(args) }),
  } as unknown as BetterSqlite3.Statement;
}
