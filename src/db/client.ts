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
export async function openDatabase(url: string): Promise<Database> {
  const path = sqlitePath(url);
  if (path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  const adapter = new PrismaBetterSQLite3({ url: path === ":memory:" ? path : resolve(path) });
  const db = new PrismaClient({ adapter });
  // WAL lets readers (stats, exports) run while a turn writes; NORMAL is durable in WAL mode
  // except for the last commits before a power cut, never corrupting.
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  return db;
}

export function sqlitePath(url: string): string {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}
