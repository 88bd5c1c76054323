import { open } from "node:fs/promises";
import { checkCsvFile } from "./checkCsvFile.js";
import { readCsvRows } from "./readCsvRows.js";
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
      /** The rows in file order, in runs as they were read (a CSV read's rows together). */
      rows: AsyncIterable<TableRow[]>;
    };

export interface TableLimits {
  /** The file as uploaded. */
  maxBytes?: number;
  /** What an .xlsx may unpack to (see inspectWorkbook). */
  workbook?: Partial<WorkbookLimits>;
}

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
  return { status: "ok", kind: "csv", estimatedRows: Math.max(0, check.lines - 1), rows: readCsvRows(path, check.delimiter) };
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
  async function* all(): AsyncIterable<TableRow[]> {
    let last = first.value as TableRow;
    yield [last];
    for (;;) {
      let next: IteratorResult<TableRow>;
      try {
        next = await iterator.next();
      } catch (error) {
        // Damaged further down (the first pass only unpacked it): one bad row says where, and the rest is not read.
        yield [{ line: last.line + 1, status: "broken", detail: error instanceof Error ? error.message : String(error), unclosed: false }];
        return;
      }
      if (next.done) return;
      last = next.value;
      yield [last];
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
