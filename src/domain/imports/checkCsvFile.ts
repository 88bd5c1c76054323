import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { FileProblem } from "./types.js";

export type CsvFileCheck =
  | { status: "ok"; delimiter: string; lines: number; bytes: number }
  | { status: "refused"; problem: FileProblem };

const BLANK = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * The first of two passes over an import file, before anything is written: a file in the wrong
 * encoding is refused whole rather than half-imported. It also counts lines (the progress bar's
 * total) and picks the delimiter from the header, since Excel in an Indonesian locale saves
 * "CSV" with semicolons. One chunk at a time: a million rows never sit in memory.
 */
export async function checkCsvFile(path: string, options: { maxBytes?: number } = {}): Promise<CsvFileCheck> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return refused({ code: "not_found" });
    size = info.size;
  } catch {
    return refused({ code: "not_found" });
  }
  if (options.maxBytes !== undefined && size > options.maxBytes) return refused({ code: "too_large", maxBytes: options.maxBytes });

  let first = true;
  let carry: Buffer = Buffer.alloc(0);
  let newlines = 0;
  let lastByte = -1;
  let seenText = false;
  let header = "";
  let headerDone = false;
  for await (const raw of createReadStream(path, { highWaterMark: 1 << 20 })) {
    let chunk = raw as Buffer;
    if (first) {
      first = false;
      const signature = signatureProblem(chunk);
      if (signature) return refused(signature);
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    if (chunk.length === 0) continue;
    if (chunk.indexOf(0) !== -1) return refused({ code: "binary" });

    const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const cut = completeLength(data);
    const whole = data.subarray(0, cut);
    if (!isUtf8(whole)) return refused({ code: "invalid_utf8", line: newlines + countNewlines(whole, firstInvalidUtf8(whole)) + 1 });
    carry = Buffer.from(data.subarray(cut));

    if (!headerDone) {
      const end = whole.indexOf(0x0a);
      header += whole.subarray(0, end === -1 ? Math.min(whole.length, 65_536) : end).toString("utf8");
      headerDone = end !== -1 || header.length >= 65_536;
    }
    if (!seenText) seenText = whole.some((byte) => !BLANK.has(byte));
    newlines += countNewlines(whole, whole.length);
    if (whole.length > 0) lastByte = whole[whole.length - 1]!;
  }
  // A multi-byte character cut off by the end of the file.
  if (carry.length > 0) return refused({ code: "invalid_utf8", line: newlines + 1 });
  if (!seenText) return refused({ code: "empty" });
  return { status: "ok", delimiter: pickDelimiter(header), lines: newlines + (lastByte === 0x0a ? 0 : 1), bytes: size };
}

function refused(problem: FileProblem): CsvFileCheck {
  return { status: "refused", problem };
}

/** Files that are plainly not UTF-8 text, told apart so the answer can say what to do instead. */
function signatureProblem(chunk: Buffer): FileProblem | undefined {
  if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) return { code: "utf16" };
  // .xlsx is a zip; .xls an OLE compound file.
  if (chunk[0] === 0x50 && chunk[1] === 0x4b && chunk[2] === 0x03 && chunk[3] === 0x04) return { code: "xlsx" };
  if (chunk[0] === 0xd0 && chunk[1] === 0xcf && chunk[2] === 0x11 && chunk[3] === 0xe0) return { code: "xlsx" };
  if (chunk.subarray(0, 5).toString("latin1") === "%PDF-") return { code: "pdf" };
  // UTF-16 without a BOM: ASCII text with a zero byte beside every character.
  const sample = chunk.subarray(0, 512);
  let zeros = 0;
  for (const byte of sample) if (byte === 0) zeros++;
  if (sample.length >= 4 && zeros >= sample.length / 3) return { code: "utf16" };
  return undefined;
}

/** How much of `data` ends on a character boundary; the rest waits for the next chunk. */
function completeLength(data: Buffer): number {
  for (let back = 1; back <= Math.min(3, data.length); back++) {
    const byte = data[data.length - back]!;
    if (byte < 0x80) return data.length;
    if (byte >= 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return needed > back ? data.length - back : data.length;
    }
  }
  return data.length;
}

function countNewlines(data: Buffer, end: number): number {
  let count = 0;
  let at = data.indexOf(0x0a);
  while (at !== -1 && at < end) {
    count++;
    at = data.indexOf(0x0a, at + 1);
  }
  return count;
}

/** Where isUtf8 said no; only walked once a chunk has already failed. */
function firstInvalidUtf8(data: Buffer): number {
  let i = 0;
  while (i < data.length) {
    const byte = data[i]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = data[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return data.length;
}

/** The separator the header uses most: comma, semicolon or tab. */
function pickDelimiter(header: string): string {
  const outsideQuotes = header.replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((d) => ({ d, n: outsideQuotes.split(d).length - 1 }));
  const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
  return best.n > 0 ? best.d : ",";
}
