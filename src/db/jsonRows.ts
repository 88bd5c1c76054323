import { Prisma, type Db } from "./client.js";
import { dialectOf } from "./dialect.js";
import { quoteIdentifier } from "./quoteIdentifier.js";

/**
 * Rows of text values passed as one parameter (a JSON array of arrays), read back as a table
 * with these column names: `UPDATE ... FROM ${jsonRows(...)} AS v WHERE "id" = v."id"`. The SQL
 * text is the same whatever the number of rows, so the statement is prepared once, and the join
 * costs one lookup per row where `CASE "id" WHEN ... END` compared every row with every WHEN.
 */
export function jsonRows(db: Db, columns: readonly string[], rows: readonly (readonly (string | null)[])[]): Prisma.Sql {
  const json = JSON.stringify(rows);
  const source = dialectOf(db) === "postgresql" ? Prisma.sql`json_array_elements(${json}::json)` : Prisma.sql`json_each(${json})`;
  // Both name the element `value`, and both read the i-th item of an array as text with ->> i.
  const items = columns.map((column, i) => `value ->> ${i} AS ${quoteIdentifier(column)}`).join(", ");
  return Prisma.sql`(SELECT ${Prisma.raw(items)} FROM ${source})`;
}
