import { absentField, rowFlags, type ImportRowColumns } from "./importRowColumns.js";
import type { ImportRow } from "./types.js";

export interface RowColumnsCollector {
  /** Rows added since the last take. */
  readonly size: number;
  add(row: ImportRow): void;
  /** The rows added so far, as columns; the collector starts again, empty. */
  take(): ImportRowColumns;
}

// Text fields wait as strings for this many rows, then go into the batch's bytes at once: one
// write instead of one per field, and a row's strings die young instead of living (and being
// copied by the reading thread's young-generation collections) until the batch leaves.
const rowsPerWrite = 64;

/**
 * Builds a batch's columns (importRowColumns) row by row as the rows are checked, so that the
 * reading thread keeps no row objects for a whole batch: kept, they were most of what its
 * young-generation collections copied.
 */
export function collectRowColumns(expectedRows: number): RowColumnsCollector {
  let batch = emptyBatch(expectedRows);
  let waiting: string[] = [];
  const addText = (value: string | undefined) => {
    if (batch.fields === batch.textLengths.length) batch.textLengths = grown(batch.textLengths, batch.fields * 2);
    batch.textLengths[batch.fields++] = value === undefined ? absentField : value.length;
    if (value !== undefined && value !== "") waiting.push(value);
  };
  const writeWaiting = () => {
    const joined = waiting.join("");
    waiting = [];
    // At most 3 bytes a UTF-16 unit.
    const needed = batch.bytes + joined.length * 3;
    if (needed > batch.text.length) batch.text = grown(batch.text, Math.max(batch.text.length * 2, needed));
    batch.bytes += Buffer.from(batch.text.buffer).write(joined, batch.bytes, "utf8");
  };
  return {
    get size() {
      return batch.size;
    },
    add(row) {
      const b = batch;
      if (b.size === b.line.length) {
        const more = Math.max(16, b.size * 2);
        [b.line, b.tagCount, b.consentAt, b.flags] = [grown(b.line, more), grown(b.tagCount, more), grown(b.consentAt, more), grown(b.flags, more)];
      }
      b.line[b.size] = row.line;
      addText(row.name);
      addText(row.phone);
      addText(row.telegramId);
      addText(row.regionCode);
      addText(row.language);
      addText(row.consent?.source);
      for (const tag of row.tags) addText(tag);
      b.tagCount[b.size] = row.tags.length;
      b.consentAt[b.size] = row.consent ? row.consent.at.getTime() : NaN;
      b.flags[b.size] = (row.declined ? rowFlags.declined : 0) | (row.optedOut ? rowFlags.optedOut : 0) | (row.consent?.dated ? rowFlags.dated : 0);
      b.size++;
      if (b.size % rowsPerWrite === 0) writeWaiting();
    },
    take() {
      writeWaiting();
      const b = batch;
      batch = emptyBatch(Math.max(expectedRows, b.size));
      return {
        line: b.line.subarray(0, b.size),
        text: b.text.subarray(0, b.bytes),
        textLengths: b.textLengths.subarray(0, b.fields),
        tagCount: b.tagCount.subarray(0, b.size),
        consentAt: b.consentAt.subarray(0, b.size),
        flags: b.flags.subarray(0, b.size),
      };
    },
  };
}

function emptyBatch(rows: number) {
  return {
    size: 0,
    line: new Float64Array(rows),
    tagCount: new Uint16Array(rows),
    consentAt: new Float64Array(rows),
    flags: new Uint8Array(rows),
    fields: 0,
    textLengths: new Uint32Array(Math.max(16, rows * 8)),
    bytes: 0,
    text: new Uint8Array(Math.max(1024, rows * 64)),
  };
}

type Column = Float64Array | Uint32Array | Uint16Array | Uint8Array;

function grown<T extends Column>(array: T, length: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(length);
  (bigger as Uint8Array).set(array as unknown as Uint8Array);
  return bigger;
}

/** Rows as columns at once (tests, and a caller holding a whole batch). */
export function toRowColumns(rows: readonly ImportRow[]): ImportRowColumns {
  const columns = collectRowColumns(rows.length);
  for (const row of rows) columns.add(row);
  return columns.take();
}
