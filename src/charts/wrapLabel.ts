import { truncateLabel } from "./truncateLabel.js";

/**
 * Breaks a label into lines of at most `width` characters at spaces (a word longer than a line
 * is cut), at most `maxLines` of them: only a label that still does not fit ends in an ellipsis.
 * Whole code points only.
 */
export function wrapLabel(text: string, width: number, maxLines: number): string[] {
  const length = (s: string) => [...s].length;
  const lines: string[] = [];
  let line = "";
  for (const word of text.replace(/\s+/g, " ").trim().split(" ")) {
    const chars = [...word];
    for (let start = 0; start < chars.length; start += width) {
      const piece = chars.slice(start, start + width).join("");
      const candidate = line === "" ? piece : `${line} ${piece}`;
      if (length(candidate) <= width) line = candidate;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  // "…" after the last whole word when it fits; otherwise the line gives up its last character.
  kept[maxLines - 1] = length(last) < width ? `${last}…` : truncateLabel(`${last} ${lines[maxLines]}`, width);
  return kept;
}
