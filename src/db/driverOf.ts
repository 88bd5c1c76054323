import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";

/** The driver under a Prisma client: what queryDirect runs the hot statements on. */
export type Driver = { dialect: "sqlite"; sqlite: BetterSqlite3.Database } | { dialect: "postgresql"; pool: pg.Pool };

const drivers = new WeakMap<object, () => Driver | undefined>();

/** The driver under a client that openDatabase made; undefined for anything else (a transaction client). */
export function driverOf(db: object): Driver | undefined {
  const driver = drivers.get(db)?.();
  if (!driver) return undefined;
  // Closed by $disconnect: Prisma opens a new one at its next query, so the caller falls back to Prisma.
  if (driver.dialect === "sqlite" ? !driver.sqlite.open : (driver.pool as pg.Pool & { ending?: boolean }).ending) return undefined;
  return driver;
}

/**
 * Makes a Prisma adapter factory remember the connection it opens (better-sqlite3's database, pg's
 * pool); `bind` then ties it to the client built on that factory. Prisma opens the connection
 * lazily and again after a $disconnect, so the newest one is the one kept.
 */
export function keepDriver(factory: { connect(): Promise<unknown> }, dialect: Driver["dialect"]): { bind(db: object): void } {
  let current: Driver | undefined;
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    // Both adapters keep their connection in `client` (a better-sqlite3 Database, a pg Pool).
    const client = (adapter as { client: unknown }).client;
    current = dialect === "sqlite" ? { dialect, sqlite: client as BetterSqlite3.Database } : { dialect, pool: client as pg.Pool };
    return adapter;
  };
  return { bind: (db) => drivers.set(db, () => current) };
}
