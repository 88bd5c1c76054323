import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Parser, type CsvError } from "csv-parse";
import { checkCsvFile } from "./checkCsvFile.js";
import { defaultWorkbookLimits, inspectWorkbook, type WorkbookLimits } from "./inspectWorkbook.js";
import type { FileProblem } from "./types.js";

/** One row of a spreadsheet: its line (CSV) or row number (Excel) as staff see it, and its cells as text. */
export type TableRow =
  | { line: number; status: "ok"; cells: string[] }
  /** A row the CSV parser could not read (a broken quote); later rows still come. */
  | { line: number; status: "broken"; detail: string; unclosed: boolean };

export type TableFile =
  | { status: "refused"; problem: FileProblem }
  | {
      status: "ok";
      kind: "csv" | "xlsx";
      /** Rows after the header as far as can be told before reading (CSV: lines; Excel: its own dimension), for a progress bar. */
      estimatedRows: number;
      rows: AsyncIterable<TableRow>;
    };

export interface TableLimits {
  /** The file as uploaded. */
  maxBytes?: number;
  /** What an .xlsx may unpack to (see inspectWorkbook). */
  workbook?: Partial<WorkbookLimits>;
}

// A quote that never closes would otherwise swallow the rest of the file into one cell.
const maxRecordBytes = 1 << 20;

/**
 * The rows of a CSV file (UTF-8, comma, semicolon or tab, checked first like a contact import)
 * or of the first sheet of an .xlsx workbook, streamed: neither is read into memory whole.
 * Header included, as the first row. Excel cells come as the text a person sees: numbers
 * unformatted, dates as YYYY-MM-DD, formulas as their result.
 */
export async function readTableRows(path: string, options: TableLimits = {}): Promise<TableFile> {
  const check = await checkCsvFile(path, { maxBytes: options.maxBytes });
  if (check.status === "refused" && check.problem.code === "xlsx") return readWorkbook(path, { ...defaultWorkbookLimits, ...options.workbook });
  if (check.status === "refused") return check;
  return { status: "ok", kind: "csv", estimatedRows: Math.max(0, check.lines - 1), rows: readCsv(path, check.delimiter) };
}

interface NumberedRecord {
  record: string[];
  /** The file's line the record ends on. */
  line: number;
}

/**
 * csv-parse with each record's last line, as its `info: true` gives it but without the snapshot
 * of its whole state (about five objects per record, all garbage at once): a record is pushed
 * as soon as it is parsed, so the parser's line count is the record's.
 */
class NumberedParser extends Parser {
  override push(record: unknown): boolean {
    return super.push(record === null ? null : ({ record: record as string[], line: this.info.lines } satisfies NumberedRecord));
  }
}

async function* readCsv(path: string, delimiter: string): AsyncIterable<TableRow> {
  const file = createReadStream(path);
  const parser = file.pipe(
    new NumberedParser({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, skip_records_with_error: true, max_record_size: maxRecordBytes }),
  );
  const broken: TableRow[] = [];
  const brokenLines = new Set<number>();
  let lastLine = 0;
  parser.on("skip", (error: CsvError) => {
    const unclosed = error.code === "CSV_QUOTE_NOT_CLOSED" || error.code === "CSV_MAX_RECORD_SIZE";
    // Quoting errors point at where the parser gave up; an unclosed quote began after the last good row.
    const line = unclosed ? lastLine + 1 : typeof error.lines === "number" ? error.lines : lastLine + 1;
    if (brokenLines.has(line)) return;
    brokenLines.add(line);
    broken.push({ line, status: "broken", detail: error.message.replace(/^[^:]*: /, ""), unclosed });
  });
  try {
    for await (const { record, line } of parser as AsyncIterable<NumberedRecord>) {
      yield* broken.splice(0);
      // A cell holding line breaks: the row starts where it began, as a spreadsheet shows it.
      let inside = 0;
      for (const cell of record) for (let at = cell.indexOf("\n"); at !== -1; at = cell.indexOf("\n", at + 1)) inside++;
      lastLine = line;
      yield { line: line - inside, status: "ok", cells: record };
    }
    yield* broken.splice(0);
  } finally {
    file.destroy();
  }
}

async function readWorkbook(path: string, limits: WorkbookLimits): Promise<TableFile> {
  // .xls (before 2007) is an OLE file, not the zip exceljs reads.
  if (!(await startsWithZip(path))) return { status: "refused", problem: { code: "xls" } };
  const inspection = await inspectWorkbook(path, limits);
  if (inspection.status === "refused") return inspection;
  // exceljs is large; only an Excel import loads it.
  const { default: ExcelJS } = await import("exceljs");
  // Styles are read so that a date cell comes as a date, not as Excel's day number.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "cache", entries: "emit" });
  async function* rows(): AsyncIterable<TableRow> {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        const cells = Array.from({ length: values.length }, (_, i) => cellText(values[i]));
        if (cells.every((cell) => cell.trim() === "")) continue;
        yield { line: row.number, status: "ok", cells };
      }
      // The first sheet only: a workbook's other sheets are notes, pivots or old versions.
      break;
    }
  }
  // The first row is read now, so a damaged workbook is refused before anything is written.
  const iterator = rows()[Symbol.asyncIterator]();
  let first: IteratorResult<TableRow>;
  try {
    first = await iterator.next();
  } catch {
    return { status: "refused", problem: { code: "xlsx_unreadable" } };
  }
  if (first.done) return { status: "refused", problem: { code: "empty" } };
  async function* all(): AsyncIterable<TableRow> {
    let last = first.value as TableRow;
    yield last;
    for (;;) {
      let next: IteratorResult<TableRow>;
      try {
        next = await iterator.next();
      } catch (error) {
        // Damaged further down (the first pass only unpacked it): one bad row says where, and the rest is not read.
        yield { line: last.line + 1, status: "broken", detail: error instanceof Error ? error.message : String(error), unclosed: false };
        return;
      }
      if (next.done) return;
      last = next.value;
      yield last;
    }
  }
  return { status: "ok", kind: "xlsx", estimatedRows: Math.max(0, inspection.rows - 1), rows: all() };
}

async function startsWithZip(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
  } finally {
    await handle.close();
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const cell = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(cell.richText)) return cell.richText.map((part) => part.text).join("");
    if ("result" in cell) return cellText(cell.result);
    if (typeof cell.text === "string") return cell.text;
    if (cell.error !== undefined) return String(cell.error);
  }
  return String(value);
}
