import type { BulkCell, BulkRows } from "./openBulkWriter.js";
import { toPostgresText } from "./toPostgresText.js";

const TAB = 9;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const BACKSLASH = 92;
const specials = /[\\\t\n\r]/g;
const escaped: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/**
 * `rows` in COPY's text format, as UTF-8: a line per row, its cells (then the `constants`, the same
 * on every line) separated by tabs, null as \N, and a backslash, tab, newline or carriage return
 * escaped. Written character by character into one Buffer (outside V8's heap) and sent in one
 * piece: built as strings, a string per cell and per line and each piece's Buffer were about a
 * fifth of what an import's writing thread allocated (docs/benchmarks-history.md).
 */
export function copyText(rows: BulkRows, constants: readonly BulkCell[]): Buffer {
  const text = new CopyBytes(rows.length * (rows.columns.length + constants.length) * 16);
  for (const cell of constants) {
    text.byte(TAB);
    text.cell(cell);
  }
  text.byte(NEWLINE);
  const end = Buffer.from(text.taken());
  text.clear();
  const [first, ...others] = rows.columns as [BulkCell[], ...BulkCell[][]];
  for (let row = 0; row < rows.length; row++) {
    text.cell(first[row] as BulkCell);
    for (const column of others) {
      text.byte(TAB);
      text.cell(column[row] as BulkCell);
    }
    text.bytes(end);
  }
  return text.taken();
}

/** A growing Buffer of COPY text. */
class CopyBytes {
  private buffer: Buffer;
  private at = 0;

  constructor(expected: number) {
    this.buffer = Buffer.allocUnsafe(Math.max(1024, expected));
  }

  cell(cell: BulkCell): void {
    const text = typeof cell === "string" ? cell : toPostgresText(cell);
    if (text === null) {
      this.room(2);
      this.buffer[this.at++] = BACKSLASH;
      this.buffer[this.at++] = 78; // N
      return;
    }
    // ASCII byte by byte, escaped on the way; from the first other character on, by the encoder.
    this.room(text.length * 2);
    const buffer = this.buffer;
    let at = this.at;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code > BACKSLASH) {
        if (code >= 0x80) {
          this.at = at;
          this.unicode(text.slice(i));
          return;
        }
      } else if (code === BACKSLASH || code === TAB || code === NEWLINE || code === CARRIAGE_RETURN) {
        buffer[at++] = BACKSLASH;
        buffer[at++] = code === BACKSLASH ? BACKSLASH : code === TAB ? 116 : code === NEWLINE ? 110 : 114; // \ t n r
        continue;
      }
      buffer[at++] = code;
    }
    this.at = at;
  }

  byte(value: number): void {
    this.room(1);
    this.buffer[this.at++] = value;
  }

  bytes(value: Buffer): void {
    this.room(value.length);
    for (let i = 0; i < value.length; i++) this.buffer[this.at++] = value[i]!;
  }

  taken(): Buffer {
    return this.buffer.subarray(0, this.at);
  }

  clear(): void {
    this.at = 0;
  }

  private unicode(text: string): void {
    const escapedText = text.replace(specials, (char) => escaped[char]!);
    // At most 3 bytes a UTF-16 unit.
    this.room(escapedText.length * 3);
    this.at += this.buffer.write(escapedText, this.at, "utf8");
  }

  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + bytes));
    this.buffer.copy(bigger, 0, 0, this.at);
    this.buffer = bigger;
  }
}
