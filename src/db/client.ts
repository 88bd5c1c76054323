// The only module that touches the generated Prisma clients. Everything else
// sees `Database` (the client) or `Db` (a client or an open transaction).
import { dirname, resolve } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type Sqlite from "better-sqlite3";
import { PrismaClient, Prisma } from "./generated/client.js";
import { beginSqliteTransactionsImmediately } from "./beginSqliteTransactionsImmediately.js";
import { cacheSqliteStatements } from "./cacheSqliteStatements.js";
import { serializeSqliteTransactions } from "./serializeSqliteTransactions.js";
import { captureTransactions } from "./captureTransactions.js";
import { isPostgresUrl, sqlitePath } from "./databaseUrl.js";
import { keepDriver } from "./driverOf.js";
import { makeFolder } from "../makeFolder.js";

export type Database = PrismaClient;
export type Db = Prisma.TransactionClient;
export { Prisma, isPostgresUrl, sqlitePath };

/** How to reach a client's database below Prisma (see openBulkWriter). */
export type RawConnection = { dialect: "postgresql"; url: string } | { dialect: "sqlite"; handle: () => Sqlite.Database };
const rawConnections = new WeakMap<Database, RawConnection>();

/** The PostgreSQL URL, or the SQLite connection, of a client opened by openDatabase. */
export function rawConnectionOf(db: Database): RawConnection {
  const raw = rawConnections.get(db);
  if (!raw) throw new Error("This database client was not opened by openDatabase");
  return raw;
}

/**
 * Opens the database behind DATABASE_URL: `postgresql://` (or `postgres://`) through the pg
 * adapter, creating the database if the server has none of that name; `file:` as embedded
 * SQLite, creating the file's folder if needed.
 */
export async function openDatabase(url: string): Promise<Database> {
  if (isPostgresUrl(url)) {
    // Loaded only for PostgreSQL: the second client and pg cost a SQLite start-up a few hundred ms.
    const [{ PrismaPg }, { PrismaClient: PostgresClient }, { ensurePostgresDatabase }, { readAsPrisma }] = await Promise.all([
      import("@prisma/adapter-pg"),
      import("./generated-pg/client.js"),
      import("./ensurePostgresDatabase.js"),
      import("./readAsPrisma.js"),
    ]);
    await ensurePostgresDatabase(url);
    // Both clients are generated from one data model, so their APIs are the same apart from
    // the provider name; the rest of the code keeps one `Database` type.
    const adapter = new PrismaPg({ connectionString: url });
    // The hot statements of sending (queryDirect) run on the pool below Prisma.
    const driver = keepDriver(adapter, "postgresql");
    // A conversation turn's statements run on its transaction's pg client below Prisma too (runTransaction).
    captureTransactions(adapter, { types: readAsPrisma });
    const postgres = new PostgresClient({ adapter }) as unknown as Database;
    driver.bind(postgres);
    rawConnections.set(postgres, { dialect: "postgresql", url });
    return postgres;
  }
  const path = sqlitePath(url);
  if (path !== ":memory:") makeFolder(dirname(resolve(path)));
  const adapter = new PrismaBetterSQLite3({ url: path === ":memory:" ? path : resolve(path) });
  // The adapter's own better-sqlite3 connection (its public `client`), kept for work below Prisma.
  let handle: Sqlite.Database | undefined;
  const connect = adapter.connect.bind(adapter);
  adapter.connect = async () => {
    const connected = await connect();
    handle = (connected as unknown as { client: Sqlite.Database }).client;
    return connected;
  };
  // The hot statements of sending (queryDirect) run on the same connection.
  const driver = keepDriver(adapter, "sqlite");
  // Last, so the connection kept above is better-sqlite3's own, not the adapter's caching view of it.
  cacheSqliteStatements(adapter);
  beginSqliteTransactionsImmediately(adapter);
  serializeSqliteTransactions(adapter);
  // A turn's statements run on the connection below Prisma while its transaction is open (runTransaction).
  captureTransactions(adapter);
  const db = new PrismaClient({ adapter });
  driver.bind(db);
  rawConnections.set(db, {
    dialect: "sqlite",
    handle: () => {
      if (!handle) throw new Error("The SQLite connection is not open");
      return handle;
    },
  });
  // WAL lets readers (stats, exports) run while a turn writes; NORMAL is durable in WAL mode
  // except for the last commits before a power cut, never corrupting.
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  // Statement journals (a trigger on ChannelIdentity writes Contact.reach inside each insert) stay in
  // memory instead of a temporary file: ~45 -> ~14 µs per identity the importer inserts.
  await db.$executeRawUnsafe("PRAGMA temp_store = MEMORY");
  return db;
}
