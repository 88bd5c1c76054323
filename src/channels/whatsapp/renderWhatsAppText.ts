import type { Reply } from "../../conversation/types.js";

/**
 * A reply as WhatsApp text: *bold* title, body, and choices as a numbered list
 * followed by the hint in the person's language ("Balas dengan angka").
 * Both WhatsApp transports use it wherever buttons are not available.
 */
export function renderWhatsAppText(reply: Reply, pickByNumberHint: string): string {
  const parts: string[] = [];
  if (reply.title) parts.push(`*${reply.title.replace(/\*/g, "")}*`);
  parts.push(reply.text);
  if (reply.choices && reply.choices.length > 0) {
    parts.push(reply.choices.map((choice, i) => `${i + 1}. ${choice.label}`).join("\n"));
    parts.push(`_${pickByNumberHint}_`);
  }
  return parts.join("\n\n");
}
