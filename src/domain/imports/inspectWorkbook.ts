import { createReadStream } from "node:fs";
import type { FileProblem } from "./types.js";

/** What an .xlsx may unpack to before it is read: a zip bomb is refused here, before anything is written. */
export interface WorkbookLimits {
  /** Every entry together, unpacked. A workbook of a million contacts is about 500 MB. */
  maxUncompressedBytes: number;
  /** The shared strings are kept in memory while the sheet is read. */
  maxSharedStringsBytes: number;
  /** Rows in one sheet (Excel's own limit). */
  maxRows: number;
}

export const defaultWorkbookLimits: WorkbookLimits = {
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxSharedStringsBytes: 128 * 1024 * 1024,
  maxRows: 1_048_576,
};

export type WorkbookInspection = { status: "ok"; rows: number } | { status: "refused"; problem: FileProblem };

const rowTag = Buffer.from("<row");

/**
 * The first pass over an .xlsx: unpacks every entry with the same streaming parser exceljs reads
 * it with, counting bytes (nothing is kept), and stops at the first limit passed. Also counts the
 * first sheet's rows, the progress bar's total. A file that is not a zip at all is unreadable.
 */
export async function inspectWorkbook(path: string, limits: WorkbookLimits = defaultWorkbookLimits): Promise<WorkbookInspection> {
  // Loaded here, as exceljs is: only an Excel import needs it.
  const { Parse } = await import("unzipper");
  const file = createReadStream(path);
  const zip = file.pipe(Parse({ forceStream: true }));
  let total = 0;
  let firstSheetRows: number | undefined;
  try {
    for await (const entry of zip) {
      const sheet = /^xl\/worksheets\/sheet\d+\.xml$/.test(entry.path);
      const shared = entry.path === "xl/sharedStrings.xml";
      let bytes = 0;
      let rows = 0;
      let tail = Buffer.alloc(0);
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        total += chunk.length;
        if (total > limits.maxUncompressedBytes) return { status: "refused", problem: { code: "xlsx_too_large", limit: "bytes", max: limits.maxUncompressedBytes } };
        if (shared && bytes > limits.maxSharedStringsBytes) return { status: "refused", problem: { code: "xlsx_too_large", limit: "bytes", max: limits.maxSharedStringsBytes } };
        if (sheet) {
          // A "<row" cut between two chunks, or ending one, is counted in the next: its last four bytes are carried over.
          const data = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
          rows += countTags(data);
          tail = Buffer.from(data.subarray(Math.max(0, data.length - rowTag.length)));
          if (rows > limits.maxRows) return { status: "refused", problem: { code: "xlsx_too_large", limit: "rows", max: limits.maxRows } };
        }
      }
      if (sheet && firstSheetRows === undefined) firstSheetRows = rows;
    }
  } catch {
    return { status: "refused", problem: { code: "xlsx_unreadable" } };
  } finally {
    file.destroy();
    zip.destroy();
  }
  if (firstSheetRows === undefined) return { status: "refused", problem: { code: "xlsx_unreadable" } };
  return { status: "ok", rows: firstSheetRows };
}

function countTags(data: Buffer): number {
  let count = 0;
  for (let at = data.indexOf(rowTag); at !== -1; at = data.indexOf(rowTag, at + rowTag.length)) {
    const next = data[at + rowTag.length];
    // "<row ", "<row>" or "<row/>", not "<rowBreaks".
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) count++;
  }
  return count;
}
