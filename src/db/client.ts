// The only module that touches the generated Prisma client. Everything else
// sees `Database` (the client) or `Db` (a client or an open transaction).
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient, Prisma } from "./generated/client.js";

export type Database = PrismaClient;
export type Db = Prisma.TransactionClient;
export { Prisma };

/** Opens the database behind DATABASE_URL, creating the SQLite file's folder if needed. */
export function openDatabase(url: string): Database {
  const path = sqlitePath(url);
  if (path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  // WAL lets readers (stats, exports) run while a turn writes.
  const adapter = new PrismaBetterSQLite3({ url: path === ":memory:" ? path : resolve(path) });
  return new PrismaClient({ adapter });
}

export function sqlitePath(url: string): string {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}
