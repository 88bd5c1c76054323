import pg from "pg";
import { copyPostgresRows } from "./copyPostgresRows.js";
import { postgresTextArray } from "./postgresTextArray.js";
import { insertColumnsSql, onConflictSql, type BulkColumn, type BulkColumnType, type BulkInsert, type BulkRows, type BulkWriter } from "./openBulkWriter.js";
import { quoteIdentifier } from "./quoteIdentifier.js";
import { toPostgresText } from "./toPostgresText.js";

// Prisma's timestamp(3) columns hold UTC without a zone; pg would read them in the process's zone.
const TIMESTAMP = 1114;

/**
 * The PostgreSQL bulk writer: a connection of its own, a batch one round trip per table whatever
 * its size. Rows that may meet a conflict go as one array per column, unpacked by unnest() in a
 * named (prepared once) statement with ON CONFLICT; the others by COPY (copyPostgresRows).
 */
export async function openPostgresBulkWriter(url: string): Promise<BulkWriter> {
  const client = new pg.Client({
    connectionString: url,
    types: { getTypeParser: ((oid: number, format?: string) => (oid === TIMESTAMP ? (text: string) => new Date(`${text.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format as "text"))) as typeof pg.types.getTypeParser },
  });
  await client.connect();
  // A batch's commit does not wait for its WAL to reach the disk (the WAL writer flushes it within
  // a fraction of a second): after a server crash the last batches may be missing, which is what an
  // import stopped halfway leaves anyway, and importing the file again adds only what is missing
  // (people are found again by phone and Telegram id). close() makes it all durable at the end.
  await client.query("SET synchronous_commit = off");
  let committed = false;
  const names = new Map<string, string>();
  const query = async (text: string, values: unknown[]) => {
    let name = names.get(text);
    if (name === undefined) {
      name = `relawan_bulk_${names.size}`;
      names.set(text, name);
    }
    return client.query({ name, text, values });
  };
  const insertRows = async (into: BulkInsert, rows: BulkRows) => {
    if (!into.onConflictDoNothing) return copyPostgresRows(client, into, rows);
    const constants = into.constants ?? [];
    const width = into.columns.length;
    const picks = [...into.columns.map(([, type], i) => (type === "textArray" ? `CAST(u.c${i} AS text[])` : `u.c${i}`)), ...constants.map(([, type], i) => `CAST($${width + 1 + i} AS ${sqlType(type)})`)].join(", ");
    const sql = `INSERT INTO ${quoteIdentifier(into.table)} (${insertColumnsSql(into)}) SELECT ${picks} FROM ${unnest(into.columns)}` + onConflictSql(into);
    return (await query(sql, [...columnArrays(into.columns, rows), ...constants.map(([, , value]) => toPostgresText(value))])).rowCount ?? 0;
  };
  return {
    dialect: "postgresql",
    async transaction(work) {
      await client.query("BEGIN");
      try {
        const result = await work();
        await client.query("COMMIT");
        committed = true;
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
    },
    async selectIn<T>(sql: string, keys: readonly string[], _types?: Readonly<Record<string, BulkColumnType>>) {
      if (keys.length === 0) return [];
      return (await query(sql.replace("IN (:keys)", "= ANY(CAST($1 AS text[]))"), [postgresTextArray(keys)])).rows as T[];
    },
    async insert(into: BulkInsert, rows: BulkRows) {
      if (rows.length === 0) return 0;
      if (!into.reachWritten) return insertRows(into, rows);
      // For this statement alone; a failed one ends the transaction, and the setting with it.
      await client.query(`SELECT set_config('relawan.reach_written', 'on', true)`);
      const written = await insertRows(into, rows);
      await client.query(`SELECT set_config('relawan.reach_written', 'off', true)`);
      return written;
    },
    async update(table: string, columns: readonly BulkColumn[], rows: BulkRows) {
      if (rows.length === 0) return;
      const [[key], ...set] = columns as [BulkColumn, ...BulkColumn[]];
      const sql = `UPDATE ${quoteIdentifier(table)} AS t SET ${set.map((column, i) => setSql(column, `u.c${i + 1}`)).join(", ")} FROM ${unnest(columns)} WHERE t.${quoteIdentifier(key)} = u.c0`;
      await query(sql, columnArrays(columns, rows));
    },
    async close() {
      // A transaction that has an id (txid_current gives it one) commits synchronously by waiting
      // until the WAL up to its commit is on disk, so every batch committed before it is too.
      try {
        if (committed) await client.query("SET synchronous_commit = on; BEGIN; SELECT txid_current(); COMMIT");
      } finally {
        await client.end();
      }
    },
  };
}

/** `unnest($1::text[], $2::boolean[], ...) AS u(c0, c1, ...)`: one array parameter per column. */
function unnest(columns: readonly BulkColumn[]): string {
  return `unnest(${columns.map(([, type], i) => `CAST($${i + 1} AS ${sqlType(type)}[])`).join(", ")}) AS u(${columns.map((_, i) => `c${i}`).join(", ")})`;
}

/** An update's `column = value`; an array's values are added to those the row has, each once. */
function setSql([name, type]: BulkColumn, value: string): string {
  const column = quoteIdentifier(name);
  if (type !== "textArray") return `${column} = ${value}`;
  return `${column} = ARRAY(SELECT DISTINCT unnest(COALESCE(t.${column}, '{}') || COALESCE(CAST(${value} AS text[]), '{}')))`;
}

/** The rows' columns as the driver sends them: text (and arrays' literals) as it is, booleans and times as text. */
function columnArrays(columns: readonly BulkColumn[], rows: BulkRows): (string | null)[][] {
  return columns.map(([, type], i) => (type === "text" || type === "textArray" ? (rows.columns[i] as (string | null)[]) : rows.columns[i]!.map(toPostgresText)));
}

/** The type of a column's cells as sent in unnest()'s arrays (an array's literal goes as text, cast where it is used). */
function sqlType(type: BulkColumnType): string {
  return type === "boolean" ? "boolean" : type === "timestamp" ? "timestamp(3)" : "text";
}
