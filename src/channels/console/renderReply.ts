import type { Reply } from "../../conversation/types.js";
import { wrapText } from "./wrapText.js";

export interface ConsoleStyle {
  color: boolean;
  /** The terminal's width in columns; lines are wrapped at spaces to fit. Undefined: not wrapped (piped output). */
  width?: number;
}

/** A reply as terminal text: bold title, body, and choices as a numbered list. */
export function renderReply(reply: Reply, style: ConsoleStyle, hints: { pickByNumber: string; typePhone: string }): string {
  const bold = (s: string) => (style.color ? `\x1b[1m${s}\x1b[22m` : s);
  const dim = (s: string) => (style.color ? `\x1b[2m${s}\x1b[22m` : s);
  const lines: string[] = [];
  if (reply.title) lines.push(bold(reply.title));
  lines.push(reply.text);
  if (reply.choices && reply.choices.length > 0) {
    reply.choices.forEach((choice, i) => lines.push(`  ${bold(String(i + 1))}. ${choice.label}`));
    lines.push(dim(hints.pickByNumber));
  }
  if (reply.requestPhone) lines.push(dim(hints.typePhone));
  return lines.map((line) => wrapText(line, style.width, "  ")).join("\n");
}
