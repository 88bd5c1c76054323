import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";
import type { Db, Prisma } from "./client.js";
import { dialectOf } from "./dialect.js";
import { driverOf } from "./driverOf.js";
import { postgresOfOpenTransaction, sqliteOfOpenTransaction } from "./runTransaction.js";

// Distinct statement texts kept prepared per connection; the hot ones have one text whatever the batch size.
const MAX_PREPARED = 128;
const sqliteStatements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();
const postgresNames = new Map<string, string>();

/**
 * Runs one statement on the driver below Prisma (better-sqlite3, pg), with its prepared statement
 * kept for the next call: for the few statements run for every message sent, Prisma's work around
 * a raw query (its query compiler, argument mapping, a fresh prepare each time) cost more than
 * the database's own. A transaction of runTransaction runs on its connection too (on PostgreSQL
 * the pg client it holds, read as Prisma's $queryRaw reads: readAsPrisma); any other
 * transaction client goes through $queryRaw, and so does a SQLite client while someone else's
 * transaction is open: there it waits for that transaction to end (serializeSqliteTransactions).
 * Rows come back as the driver reads them: no Date parsing on SQLite, integers as numbers, and
 * SQLite's booleans as 0/1; callers read ids, text and small integers, or convert (readDatabaseTime,
 * readDatabaseBoolean).
 */
export async function queryDirect<T>(db: Db, sql: Prisma.Sql): Promise<T[]> {
  const driver = driverOf(db);
  // On SQLite: the client outside any transaction, or a transaction of runTransaction while it is open.
  const sqlite = driver?.dialect === "sqlite" ? (driver.sqlite.inTransaction ? undefined : driver.sqlite) : sqliteOfOpenTransaction(db);
  if (sqlite) {
    const statement = prepareSqlite(sqlite, sql.sql);
    const values = sql.values.map(toSqliteValue);
    if (statement.reader) return statement.all(values) as T[];
    statement.run(values);
    return [];
  }
  if (driver?.dialect === "postgresql") return queryPostgres<T>(driver.pool, sql);
  const transaction = postgresOfOpenTransaction(db);
  if (transaction) return queryPostgres<T>(transaction.client, sql, transaction.types);
  return db.$queryRaw<T[]>(sql);
}

/**
 * queryDirect on SQLite and inside a PostgreSQL transaction of runTransaction, Prisma's $queryRaw
 * on any other PostgreSQL client: for statements whose rows hold times, which pg's pool would parse
 * as local times (see readDatabaseTime).
 */
export async function queryDirectOrPrisma<T>(db: Db, sql: Prisma.Sql): Promise<T[]> {
  return dialectOf(db) === "sqlite" || postgresOfOpenTransaction(db) ? queryDirect<T>(db, sql) : db.$queryRaw<T[]>(sql);
}

/** A statement without rows: queryDirect where queryDirectOrPrisma uses it, Prisma's $executeRaw elsewhere. */
export async function executeDirectOrPrisma(db: Db, sql: Prisma.Sql): Promise<void> {
  if (dialectOf(db) === "sqlite" || postgresOfOpenTransaction(db)) await queryDirect(db, sql);
  else await db.$executeRaw(sql);
}

/**
 * Several reads in one round trip: inside a PostgreSQL transaction of runTransaction, one
 * simple-protocol message with their values written into their texts (each text without literals
 * of its own: see executeWithBegin); anywhere else one after another, as queryDirectOrPrisma.
 * Rows as queryDirectOrPrisma reads them, one list per statement.
 */
export async function queryAllDirectOrPrisma<T extends readonly unknown[]>(db: Db, sqls: { readonly [K in keyof T]: Prisma.Sql }): Promise<{ [K in keyof T]: T[K][] }> {
  const transaction = postgresOfOpenTransaction(db);
  if (!transaction || sqls.length < 2) {
    const results: unknown[][] = [];
    for (const sql of sqls) results.push(await queryDirectOrPrisma(db, sql));
    return results as { [K in keyof T]: T[K][] };
  }
  const text = sqls.map((sql) => withValuesWritten(transaction.client, sql)).join("; ");
  const results = (await transaction.client.query({ text, ...(transaction.types ? { types: transaction.types } : {}) })) as unknown as pg.QueryResult | pg.QueryResult[];
  return (Array.isArray(results) ? results : [results]).map((result) => result.rows) as { [K in keyof T]: T[K][] };
}

/**
 * The statement that opens a transaction of runTransaction: on PostgreSQL it goes out in one
 * message with the transaction's BEGIN (rideTransactionEnds), its values written into its text.
 * Anywhere else as executeDirectOrPrisma. For statements whose text holds no literal of its own.
 */
export async function executeWithBegin(db: Db, sql: Prisma.Sql): Promise<void> {
  const ends = postgresOfOpenTransaction(db)?.ends;
  if (ends) await ends.first(withValuesWritten(ends.client, sql));
  else await executeDirectOrPrisma(db, sql);
}

/**
 * The statement that closes a transaction of runTransaction: on PostgreSQL it waits to go out in
 * one message with COMMIT, its values written into its text, and an error in it fails the commit.
 * Anywhere else as executeDirectOrPrisma, at once. For statements whose text holds no literal of its own.
 */
export async function executeAtCommit(db: Db, sql: Prisma.Sql): Promise<void> {
  const ends = postgresOfOpenTransaction(db)?.ends;
  if (ends) ends.atCommit(withValuesWritten(ends.client, sql));
  else await executeDirectOrPrisma(db, sql);
}

// $n replaced by the value's literal, quoted by pg's own escapeLiteral (the client's: pg itself is
// not loaded on SQLite, where this module is too).
function withValuesWritten(client: pg.ClientBase, sql: Prisma.Sql): string {
  if (/'|\$(?!\d)/.test(sql.text)) throw new Error("Only a statement without literals of its own can have its values written in");
  return sql.text.replace(/\$(\d+)/g, (_, n: string) => postgresLiteral(client, sql.values[Number(n) - 1]));
}

function postgresLiteral(client: pg.ClientBase, value: unknown): string {
  const sent = toPostgresValue(value);
  if (sent === null) return "NULL";
  if (typeof sent === "string") return client.escapeLiteral(sent);
  if (typeof sent === "boolean") return sent ? "TRUE" : "FALSE";
  if ((typeof sent === "number" && Number.isFinite(sent)) || typeof sent === "bigint") return String(sent);
  throw new Error(`A ${typeof sent} cannot be written into a statement`);
}

async function queryPostgres<T>(client: pg.Pool | pg.PoolClient, sql: Prisma.Sql, types?: pg.CustomTypesConfig): Promise<T[]> {
  const name = postgresName(sql.text);
  const result = await client.query({ ...(name ? { name } : {}), text: sql.text, values: sql.values.map(toPostgresValue), ...(types ? { types } : {}) });
  return result.rows as T[];
}

function prepareSqlite(sqlite: BetterSqlite3.Database, text: string): BetterSqlite3.Statement {
  let statements = sqliteStatements.get(sqlite);
  if (!statements) sqliteStatements.set(sqlite, (statements = new Map()));
  let statement = statements.get(text);
  if (!statement) {
    // Prisma's adapter reads integers as BigInt on this connection; these statements read small ones.
    statement = sqlite.prepare(text).safeIntegers(false);
    if (statements.size >= MAX_PREPARED) statements.delete(statements.keys().next().value!);
    statements.set(text, statement);
  }
  return statement;
}

/** A name makes pg prepare the statement once per connection; only for the first texts seen, so names cannot pile up. */
function postgresName(text: string): string | undefined {
  const known = postgresNames.get(text);
  if (known || postgresNames.size >= MAX_PREPARED) return known;
  const name = `relawan_direct_${postgresNames.size + 1}`;
  postgresNames.set(text, name);
  return name;
}

// What Prisma's SQLite adapter writes: ISO 8601 with +00:00, so text comparisons with stored times hold.
function toSqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value ?? null;
}

// What Prisma's pg adapter sends for a timestamp: UTC, without a zone (the columns have none).
function toPostgresValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("T", " ").replace("Z", "");
  return value ?? null;
}
