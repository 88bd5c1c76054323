import type Sqlite from "better-sqlite3";
import type { Database } from "./client.js";
import { insertColumnsSql, onConflictSql, type BulkCell, type BulkColumn, type BulkColumnType, type BulkInsert, type BulkRows, type BulkWriter } from "./openBulkWriter.js";
import { quoteIdentifier } from "./quoteIdentifier.js";

// Rows inserted per statement. SQLite sets up each run of a statement once for all its rows: the
// cursors on the table and each index, the statement journal a trigger or foreign key needs, the
// trigger's frame. The rest of a batch (fewer than 64 rows) goes one row a statement, so each
// table has two statements, not one per remainder. Measured in docs/benchmarks-history.md.
const rowsPerStatement = 64;

/**
 * The SQLite bulk writer: statements run on Prisma's own better-sqlite3 connection, inside a
 * Prisma transaction, prepared once and reused for every batch (Prisma prepares each statement
 * again every time). Booleans are stored as 0/1 and times as ISO text with +00:00, as Prisma does.
 */
export function openSqliteBulkWriter(db: Database, handle: () => Sqlite.Database): BulkWriter {
  const statements = new Map<string, Sqlite.Statement>();
  // SQLite copies the write-ahead log into the database every 1,000 pages by default, i.e. every
  // batch or two of an import, writing the same index pages again each time; while the writer is
  // in use it does so every ~40 MB (a few percent less of an import's CPU). Restored on close.
  let checkpointEvery: number | undefined;
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      // Prisma's connection reads integers as BigInt; these statements read 0/1 and counts.
      statement = handle().prepare(sql).safeIntegers(false);
      statements.set(sql, statement);
    }
    return statement;
  };
  return {
    dialect: "sqlite",
    transaction: (work) => {
      if (checkpointEvery === undefined) {
        checkpointEvery = handle().pragma("wal_autocheckpoint", { simple: true }) as number;
        handle().pragma("wal_autocheckpoint = 10000");
      }
      return db.$transaction(() => work(), { timeout: 120_000, maxWait: 60_000 });
    },
    async selectIn<T>(sql: string, keys: readonly string[], types: Readonly<Record<string, BulkColumnType>> = {}) {
      if (keys.length === 0) return [];
      const rows = prepare(sql.replace("IN (:keys)", "IN (SELECT value FROM json_each(?))")).all(JSON.stringify(keys)) as Record<string, unknown>[];
      const typed = Object.entries(types);
      if (typed.length > 0) for (const row of rows) for (const [name, type] of typed) row[name] = fromSqlite(row[name], type);
      return rows as T[];
    },
    async insert(into: BulkInsert, rows: BulkRows) {
      if (rows.length === 0) return 0;
      const constants = into.constants ?? [];
      const width = into.columns.length + constants.length;
      const statementOf = (count: number) => {
        const values = Array.from({ length: count }, () => `(${Array(width).fill("?").join(", ")})`).join(", ");
        return prepare(`INSERT INTO ${quoteIdentifier(into.table)} (${insertColumnsSql(into)}) VALUES ${values}${onConflictSql(into)}`);
      };
      const { columns } = rows;
      const text = into.columns.map(([, type]) => type === "text");
      const constantValues = constants.map(([, , value]) => toSqlite(value));
      // One parameter array per statement, reused for each of its runs: the constants are converted and put in once.
      const parametersFor = (count: number) => Array.from({ length: count }, () => [...columns.map(() => null), ...constantValues]).flat() as unknown[];
      const run = (statement: Sqlite.Statement, parameters: unknown[], from: number, count: number) => {
        for (let r = 0; r < count; r++) {
          const at = r * width;
          for (let i = 0; i < columns.length; i++) parameters[at + i] = text[i] ? columns[i]![from + r] : toSqlite(columns[i]![from + r]!);
        }
        return statement.run(parameters).changes;
      };
      let written = 0;
      let from = 0;
      if (rows.length >= rowsPerStatement) {
        const [statement, parameters] = [statementOf(rowsPerStatement), parametersFor(rowsPerStatement)];
        for (; from + rowsPerStatement <= rows.length; from += rowsPerStatement) written += run(statement, parameters, from, rowsPerStatement);
      }
      if (from < rows.length) {
        const [statement, parameters] = [statementOf(1), parametersFor(1)];
        for (; from < rows.length; from++) written += run(statement, parameters, from, 1);
      }
      return written;
    },
    async update(table: string, columns: readonly BulkColumn[], rows: BulkRows) {
      if (rows.length === 0) return;
      const [[key], ...set] = columns as [BulkColumn, ...BulkColumn[]];
      const statement = prepare(`UPDATE ${quoteIdentifier(table)} SET ${set.map(([name]) => `${quoteIdentifier(name)} = ?`).join(", ")} WHERE ${quoteIdentifier(key)} = ?`);
      const [keys, ...values] = rows.columns as [BulkCell[], ...BulkCell[][]];
      for (let row = 0; row < rows.length; row++) statement.run([...values.map((column) => toSqlite(column[row]!)), keys[row]]);
    },
    // The connection is Prisma's: it closes with the client.
    async close() {
      if (checkpointEvery !== undefined) handle().pragma(`wal_autocheckpoint = ${checkpointEvery}`);
    },
  };
}

function toSqlite(cell: BulkCell): string | number | null {
  if (cell instanceof Date) return cell.toISOString().replace("Z", "+00:00");
  if (typeof cell === "boolean") return cell ? 1 : 0;
  return cell;
}

function fromSqlite(value: unknown, type: BulkColumnType): unknown {
  if (value === null || value === undefined) return null;
  if (type === "boolean") return value === 1;
  if (type === "timestamp") return new Date(value as string);
  return value;
}
