// A terminal breaks a long line wherever the width ends, mid-word. Lines are broken at spaces
// instead, and a continued line keeps the indent (and the room of a "1. " number) of its first.

// eslint-disable-next-line no-control-regex
const ansi = /\x1b\[[0-9;]*m/g;
const wideRanges: [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0x1f300, 0x1faff],
];
// Symbols terminals draw as emoji, two columns wide: ✅ ❌ ⭐ ⏰ ⌛.
const wideSymbols = new Set([0x2705, 0x274c, 0x2b50, 0x23f0, 0x231b, 0x2728, 0x2753, 0x2757]);

/** Columns a string takes: colour codes take none, wide characters (emoji, CJK) take two. */
export function visibleWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(ansi, "")) {
    const code = char.codePointAt(0)!;
    // Variation selectors, combining marks and joiners add nothing of their own.
    if (code === 0xfe0f || code === 0x200d || (code >= 0x300 && code <= 0x36f)) continue;
    width += wideSymbols.has(code) || wideRanges.some(([from, to]) => code >= from && code <= to) ? 2 : 1;
  }
  return width;
}

/**
 * Wraps each line of `text` to `width` columns at spaces, `indent` before every line. Continuation
 * lines line up under the text after a line's own leading spaces and bullet or number ("1. ", "• ").
 * A word longer than the width stays whole on its own line (a link must still work when copied).
 */
export function wrapText(text: string, width: number | undefined, indent = ""): string {
  return text
    .split("\n")
    .map((line) => wrapLine(line, width, indent))
    .join("\n");
}

function wrapLine(line: string, width: number | undefined, indent: string): string {
  const full = `${indent}${line}`;
  if (!width || visibleWidth(full) <= width) return full;
  const lead = /^ *(?:(?:\d{1,3}\.|[•*→-]) +)?/.exec(line.replace(ansi, ""))![0];
  const hang = " ".repeat(Math.min(visibleWidth(indent) + visibleWidth(lead), Math.floor(width / 2)));
  const leading = /^ */.exec(line)![0];
  const out: string[] = [];
  let current = `${indent}${leading}`;
  let currentWidth = visibleWidth(current);
  let empty = true;
  for (const word of line.slice(leading.length).split(/ +/)) {
    const wordWidth = visibleWidth(word);
    if (!empty && currentWidth + 1 + wordWidth > width) {
      out.push(current);
      current = hang + word;
      currentWidth = hang.length + wordWidth;
      continue;
    }
    current += empty ? word : ` ${word}`;
    currentWidth += (empty ? 0 : 1) + wordWidth;
    empty = false;
  }
  out.push(current);
  return out.join("\n");
}
