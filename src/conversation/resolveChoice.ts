// On channels without buttons (WhatsApp, console) people answer a numbered list
// with "2" or with the option's words; both map back to the offered choice.
import { simplify } from "../domain/text/simplify.js";
import type { Choice } from "./types.js";

// Flows and keyword detection compare typed text the same way.
export { simplify };

const yesWords = new Set(["ya", "iya", "y", "yes", "setuju", "ok", "oke", "okay", "boleh", "mau", "yup", "yoi", "sip", "agree"]);
const noWords = new Set(["tidak", "tdk", "gak", "ga", "nggak", "enggak", "ngga", "no", "n", "nope", "tolak", "jangan", "nanti", "belum", "decline"]);

export function resolveChoice(text: string, offered: readonly Choice[]): string | undefined {
  const cleaned = simplify(text);
  if (cleaned === "" || offered.length === 0) return undefined;
  if (/^\d{1,2}$/.test(cleaned)) {
    return offered[Number(cleaned) - 1]?.id;
  }
  const byLabel = offered.find((c) => simplify(c.label) === cleaned);
  if (byLabel) return byLabel.id;
  if (yesWords.has(cleaned)) return offered.find((c) => c.id.endsWith(":yes"))?.id;
  if (noWords.has(cleaned)) return offered.find((c) => c.id.endsWith(":no"))?.id;
  return undefined;
}
