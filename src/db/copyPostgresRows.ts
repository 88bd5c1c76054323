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
  // All of it at once, in one piece (a batch is in memory anyway): no server error can come in
  // before the end, so the stream reports one as an error instead of finishing; and pg-copy-streams
  // makes two socket writes of each piece.
  stream.end(copyText(rows, constants.map(([, , value]) => value)));
  await finished(stream);
  return stream.rowCount;
}
