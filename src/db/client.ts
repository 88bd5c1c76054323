// The only module that touches the generated Prisma clients. Everything else
// sees `Database` (the client) or `Db` (a client or an open transaction).
import { dirname, resolve } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient, Prisma } from "./generated/client.js";
import { isPostgresUrl, sqlitePath } from "./databaseUrl.js";
import { makeFolder } from "../makeFolder.js";

export type Database = PrismaClient;
export type Db = Prisma.TransactionClient;
export { Prisma, isPostgresUrl, sqlitePath };

/**
 * Opens the database behind DATABASE_URL: `postgresql://` (or `postgres://`) through the pg
 * adapter, creating the database if the server has none of that name; `file:` as embedded
 * SQLite, creating the file's folder if needed.
 */
export async function openDatabase(url: string): Promise<Database> {
  if (isPostgresUrl(url)) {
    // Loaded only for PostgreSQL: the second client and pg cost a SQLite start-up a few hundred ms.
    const [{ PrismaPg }, { PrismaClient: PostgresClient }, { ensurePostgresDatabase }] = await Promise.all([
      import("@prisma/adapter-pg"),
      import("./generated-pg/client.js"),
      import("./ensurePostgresDatabase.js"),
    ]);
    await ensurePostgresDatabase(url);
    // Both clients are generated from one data model, so their APIs are the same apart from
    // the provider name; the rest of the code keeps one `Database` type.
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Database;
  }
  const path = sqlitePath(url);
  if (path !== ":memory:") makeFolder(dirname(resolve(path)));
  const adapter = new PrismaBetterSQLite3({ url: path === ":memory:" ? path : resolve(path) });
  const db = new PrismaClient({ adapter });
  // WAL lets readers (stats, exports) run while a turn writes; NORMAL is durable in WAL mode
  // except for the last commits before a power cut, never corrupting.
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  return db;
}
