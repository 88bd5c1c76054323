import { finished } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { copyText } from "./copyText.js";
import { insertColumnsSql, type BulkInsert, type BulkRows } from "./openBulkWriter.js";
import { quoteIdentifier } from "./quoteIdentifier.js";

/**
 * Inserts `rows` by COPY ... FROM STDIN: the server writes them in pages (heap_multi_insert) and
 * reads each cell's text straight into its column, without the parsing of one array parameter per
 * column and the executor's work per row of INSERT ... SELECT FROM unnest(). It has no ON CONFLICT:
 * a row that breaks a unique key fails the COPY (and its transaction). Returns the rows written.
 */
export async function copyPostgresRows(client: pg.Client, into: BulkInsert, rows: BulkRows): Promise<number> {
  const constants = into.constants ?? [];
  const stream = client.query(copyFrom(`COPY ${quoteIdentifier(into.table)} (${insertColumnsSql(into)}) FROM STDIN`));
  // All of it at once (a batch is in memory anyway), so no server error can come in before the end:
  // the stream reports one as an error instead of finishing.
  for (const chunk of copyText(rows, constants.map(([, , value]) => value))) stream.write(chunk);
  stream.end();
  await finished(stream);
  return stream.rowCount;
}
