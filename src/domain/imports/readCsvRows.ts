import { createReadStream } from "node:fs";
import { Parser, type CsvError } from "csv-parse";
import type { TableRow } from "./readTableRows.js";

// A quote that never closes would otherwise swallow the rest of the file into one cell.
const maxRecordBytes = 1 << 20;
// Small reads: a read's records all wait (and are copied by young-generation collections) until
// the rows before them are checked; 64 KB held about 800 rows.
const readBytes = 16 * 1024;

/**
 * csv-parse giving the rows of each read at once, in the file's order with the rows it could not
 * read among them: one object through the stream per read instead of one per row, each row with
 * its line (a record is handed on as soon as it is parsed, so the parser's line count is the
 * record's, as its `info: true` gives it without the snapshot of its whole state).
 */
class CsvRunParser extends Parser {
  private run: TableRow[] = [];
  private lastLine = 0;
  private readonly brokenLines = new Set<number>();

  override push(record: unknown): boolean {
    if (record !== null) return this.addRecord(record as string[]);
    this.sendRun();
    return super.push(null);
  }

  override _transform(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    super._transform(chunk, encoding, (error?: Error | null) => {
      this.sendRun();
      callback(error);
    });
  }

  override _flush(callback: (error?: Error | null) => void): void {
    super._flush((error?: Error | null) => {
      this.sendRun();
      callback(error);
    });
  }

  addBroken(error: CsvError): void {
    const unclosed = error.code === "CSV_QUOTE_NOT_CLOSED" || error.code === "CSV_MAX_RECORD_SIZE";
    // Quoting errors point at where the parser gave up; an unclosed quote began after the last good row.
    const line = unclosed ? this.lastLine + 1 : typeof error.lines === "number" ? error.lines : this.lastLine + 1;
    if (this.brokenLines.has(line)) return;
    this.brokenLines.add(line);
    this.run.push({ line, status: "broken", detail: error.message.replace(/^[^:]*: /, ""), unclosed });
  }

  private addRecord(record: string[]): boolean {
    const line = this.info.lines;
    // A cell holding line breaks: the row starts where it began, as a spreadsheet shows it.
    let inside = 0;
    for (const cell of record) for (let at = cell.indexOf("\n"); at !== -1; at = cell.indexOf("\n", at + 1)) inside++;
    this.lastLine = line;
    this.run.push({ line: line - inside, status: "ok", cells: record });
    return true;
  }

  private sendRun(): void {
    if (this.run.length === 0) return;
    super.push(this.run);
    this.run = [];
  }
}

/** A CSV file's rows (header included) in runs as read, through csv-parse; the file was checked first (checkCsvFile). */
export async function* readCsvRows(path: string, delimiter: string): AsyncIterable<TableRow[]> {
  const file = createReadStream(path, { highWaterMark: readBytes });
  // Transform's options beside csv-parse's own (which its types alone describe).
  const options = {
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: maxRecordBytes,
    // One run waits while the one before it is checked.
    readableHighWaterMark: 1,
  };
  const parser = new CsvRunParser(options);
  parser.on("skip", (error: CsvError) => parser.addBroken(error));
  try {
    yield* file.pipe(parser) as AsyncIterable<TableRow[]>;
  } finally {
    file.destroy();
  }
}
