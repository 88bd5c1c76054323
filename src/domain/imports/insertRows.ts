import { Prisma, type Db } from "../../db/client.js";
import { dialectOf } from "../../db/dialect.js";

export type ColumnType = "text" | "boolean" | "timestamp";
export type ColumnSpec = readonly [name: string, type: ColumnType];
export type Cell = string | boolean | Date | null;

export interface InsertOptions {
  /** Columns with the same value in every row: bound once instead of repeated in the JSON. */
  constants?: readonly (readonly [name: string, type: ColumnType, value: Cell])[];
  onConflictDoNothing?: boolean;
}

// Rows per statement: one JSON parameter each, so the size is about memory, not parameter limits.
const rowsPerStatement = 5_000;

/**
 * Multi-row INSERT with the rows as one JSON parameter, unpacked by the database. Bound one by
 * one, Prisma spends ~5 µs on every parameter, more than SQLite spends on the whole row; as one
 * JSON text a million contacts import several times faster. Prisma still costs tens of
 * nanoseconds per byte of a query, hence the constants. SQLite and PostgreSQL spell the JSON
 * table function differently (see dialectOf).
 */
export async function insertRows(db: Db, table: string, columns: readonly ColumnSpec[], rows: readonly Cell[][], options: InsertOptions = {}): Promise<void> {
  if (rows.length === 0) return;
  const postgres = dialectOf(db) === "postgresql";
  const constants = options.constants ?? [];
  const names = [...columns.map(([name]) => name), ...constants.map(([name]) => name)].map((name) => `"${name}"`).join(", ");
  const picks = columns.map(([, type], i) => typed(`value ->> ${i}`, type, postgres)).join(", ");
  const source = postgres ? Prisma.raw("json_array_elements(CAST(") : Prisma.raw("json_each(");
  const sourceEnd = Prisma.raw(postgres ? " AS json))" : ")");
  const head = Prisma.raw(`INSERT INTO "${table}" (${names}) SELECT ${picks}`);
  const bound = constants.map(([, type, value]) => {
    const [open, close] = typed("\u0000", type, postgres).split("\u0000") as [string, string];
    // A plain parameter: the driver adapter formats dates and booleans as Prisma stores them.
    return Prisma.sql`, ${Prisma.raw(open)}${value}${Prisma.raw(close)}`;
  });
  // SQLite reads "ON" right after a FROM as a join condition unless a WHERE comes between.
  const tail = Prisma.raw(` WHERE 1 = 1${options.onConflictDoNothing ? " ON CONFLICT DO NOTHING" : ""}`);
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const json = JSON.stringify(rows.slice(start, start + rowsPerStatement).map((row) => row.map((cell) => toJson(cell, postgres))));
    await db.$executeRaw`${head}${bound.length > 0 ? Prisma.join(bound, "") : Prisma.empty} FROM ${source}${json}${sourceEnd}${tail}`;
  }
}

/** PostgreSQL needs the JSON text (and untyped parameters) cast to the column's type; SQLite stores what it gets. */
function typed(expression: string, type: ColumnType, postgres: boolean): string {
  if (!postgres) return expression;
  return type === "boolean" ? `CAST(${expression} AS boolean)` : type === "timestamp" ? `CAST(${expression} AS timestamp(3))` : `CAST(${expression} AS text)`;
}

/** Stored as Prisma stores them: SQLite keeps booleans as 0/1 and times as ISO text with +00:00. */
function toJson(cell: Cell, postgres: boolean): string | number | boolean | null {
  if (cell instanceof Date) return postgres ? cell.toISOString() : cell.toISOString().replace("Z", "+00:00");
  if (typeof cell === "boolean") return postgres ? cell : cell ? 1 : 0;
  return cell;
}
