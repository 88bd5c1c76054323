import type BetterSqlite3 from "better-sqlite3";
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { wrapSqlitePrepare } from "./wrapSqlitePrepare.js";

/**
 * Makes the SQLite adapter's transactions BEGIN IMMEDIATE: each takes the database's write lock as
 * it begins, waiting its turn (busy_timeout) while another process writes. The adapter's plain BEGIN
 * took the lock only at the first write, and a transaction that had read before another process
 * (the running bot, a `relawan` command in a second shell) wrote in between could then never write:
 * SQLite answers SQLITE_BUSY_SNAPSHOT at once, "database is locked", with no wait that would help.
 */
export function beginSqliteTransactionsImmediately(factory: PrismaBetterSQLite3): void {
  wrapSqlitePrepare(factory, (prepare) => ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as BetterSqlite3.Database["prepare"]);
}
