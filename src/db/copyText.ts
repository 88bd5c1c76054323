import type { BulkCell, BulkRows } from "./openBulkWriter.js";
import { toPostgresText } from "./toPostgresText.js";

const special = /[\\\t\n\r]/;
const specials = /[\\\t\n\r]/g;
const linesPerPiece = 64;
const escaped: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/**
 * `rows` in COPY's text format: a line per row, its cells (then the `constants`, the same on every
 * line) separated by tabs, null as \N, and a backslash, tab, newline or carriage return escaped.
 * In pieces of 64 lines, written one by one: one string for a whole table looked costlier to the
 * writing thread in paired runs (docs/benchmarks-history.md, COPY for the import's new people).
 */
export function copyText(rows: BulkRows, constants: readonly BulkCell[]): string[] {
  const end = `${constants.map((cell) => `\t${copyCell(cell)}`).join("")}\n`;
  const [first, ...others] = rows.columns as [BulkCell[], ...BulkCell[][]];
  const chunks: string[] = [];
  let text = "";
  for (let row = 0; row < rows.length; row++) {
    let line = copyCell(first[row] as BulkCell);
    for (const column of others) line += `\t${copyCell(column[row] as BulkCell)}`;
    text += line + end;
    if (row % linesPerPiece === linesPerPiece - 1) {
      chunks.push(text);
      text = "";
    }
  }
  if (text !== "") chunks.push(text);
  return chunks;
}

function copyCell(cell: BulkCell): string {
  const text = toPostgresText(cell);
  if (text === null) return "\\N";
  return special.test(text) ? text.replace(specials, (char) => escaped[char]!) : text;
}
