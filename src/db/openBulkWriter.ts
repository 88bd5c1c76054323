import { rawConnectionOf, type Database } from "./client.js";
import type { Dialect } from "./dialect.js";
import { quoteIdentifier } from "./quoteIdentifier.js";

/**
 * How a column's cells are written. "textArray": PostgreSQL's text[], each cell its literal
 * (postgresArrayLiteral) or null; an update adds the cell's values to those the row has (a set).
 */
export type BulkColumnType = "text" | "boolean" | "timestamp" | "textArray";
export type BulkColumn = readonly [name: string, type: BulkColumnType];
export type BulkCell = string | boolean | Date | null;

/**
 * Rows to write, held as one array per column: an import writes about seven rows per contact,
 * and an array for each was most of the objects a batch kept alive while it was written (and
 * PostgreSQL wants columns anyway).
 */
export class BulkRows {
  readonly columns: BulkCell[][];
  length = 0;

  constructor(width: number) {
    this.columns = Array.from({ length: width }, () => []);
  }

  add(...cells: BulkCell[]): void;
  // The cells as `arguments`, which V8 reads in place where it inlines the call, instead of a rest
  // array for each row: those were about 6% of what an import's writing thread allocated.
  add(): void {
    const columns = this.columns;
    // eslint-disable-next-line prefer-rest-params
    const cells = arguments;
    if (cells.length !== columns.length) throw new Error(`A row of ${cells.length} cells for ${columns.length} columns`);
    for (let i = 0; i < cells.length; i++) columns[i]!.push(cells[i] as BulkCell);
    this.length++;
  }
}

export interface BulkInsert {
  table: string;
  columns: readonly BulkColumn[];
  /** Columns with the same value in every row. */
  constants?: readonly (readonly [name: string, type: BulkColumnType, value: BulkCell])[];
  /**
   * Rows that would break a unique key are skipped: any key (true), or only the one of these columns,
   * so PostgreSQL checks just its index ahead of each row.
   */
  onConflictDoNothing?: boolean | readonly string[];
  /**
   * The rows are chat identities of contacts this transaction wrote with the reach these identities
   * give them, so PostgreSQL's reach trigger skips them (migration contact_reach_written_by_import).
   * SQLite's trigger writes only a change, which there is none of.
   */
  reachWritten?: boolean;
}

/**
 * Set-based reads and writes on a connection of its own, below Prisma: for work that moves a
 * million rows (an import), where Prisma's cost around each statement (compiling it, copying
 * its parameters, interpreting its plan) is more than the database's. Statements are prepared
 * once and reused for every batch. Values are stored as Prisma stores them.
 */
export interface BulkWriter {
  dialect: Dialect;
  /** Runs `work` in one transaction: everything it does through this writer commits or none of it. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /**
   * The rows of `sql`, which holds `IN (:keys)` once: those whose column is one of `keys`.
   * `types` names the result columns that are booleans or timestamps, so both databases give them as such.
   */
  selectIn<T>(sql: string, keys: readonly string[], types?: Readonly<Record<string, BulkColumnType>>): Promise<T[]>;
  /** Inserts `rows`; returns how many were written (fewer when a conflict skipped some). */
  insert(into: BulkInsert, rows: BulkRows): Promise<number>;
  /** Sets `columns` of the rows whose first column (the key, text) matches. */
  update(table: string, columns: readonly BulkColumn[], rows: BulkRows): Promise<void>;
  close(): Promise<void>;
}

/** The insert's columns, quoted: `into.columns`, then its constants. */
export function insertColumnsSql(into: BulkInsert): string {
  return [...into.columns, ...(into.constants ?? [])].map(([name]) => quoteIdentifier(name)).join(", ");
}

/** The insert's ON CONFLICT clause, the same on both databases. */
export function onConflictSql({ onConflictDoNothing: skip }: BulkInsert): string {
  if (!skip) return "";
  return skip === true ? " ON CONFLICT DO NOTHING" : ` ON CONFLICT (${skip.map(quoteIdentifier).join(", ")}) DO NOTHING`;
}

/**
 * A writer on the database of `db` (opened by openDatabase): on SQLite, Prisma's own connection
 * inside a Prisma transaction (so the bot's other transactions wait their turn as before); on
 * PostgreSQL, a connection of its own.
 */
export async function openBulkWriter(db: Database): Promise<BulkWriter> {
  const raw = rawConnectionOf(db);
  if (raw.dialect === "postgresql") {
    const { openPostgresBulkWriter } = await import("./openPostgresBulkWriter.js");
    return openPostgresBulkWriter(raw.url);
  }
  const { openSqliteBulkWriter } = await import("./openSqliteBulkWriter.js");
  return openSqliteBulkWriter(db, raw.handle);
}
