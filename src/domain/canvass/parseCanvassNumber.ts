// A count typed in the chat: "12", "12 rumah", "1.200", "0", "nol", "gak ada", "none".
import { parseWholeNumber } from "../targets/parseTargetRow.js";

export type ParsedCanvassNumber =
  | { status: "ok"; value: number }
  | { status: "invalid"; problem: "not_a_number" | "negative" | "fraction" | "too_large"; max: number };

// The ways people say "none" in Indonesian chat and in English.
const noneWords = new Set([
  "0", "nol", "kosong", "tidak ada", "tdk ada", "ga ada", "gak ada", "gk ada", "nggak ada", "ngga ada", "enggak ada", "engga ada",
  "g ada", "ndak ada", "nda ada", "gaada", "gada", "gakada", "ngak ada", "tak ada", "takde", "belum ada", "blm ada", "none", "no one", "nobody", "zero", "-",
]);
// Words a count may carry after it: "12 rumah", "12 KK", "12 houses".
const unitWords = /\s*(?:rumah|rmh|kk|keluarga|rumah tangga|ruta|orang|org|houses?|households?|homes?)\.?$/i;

/** `max` is the ceiling for this figure (the households ceiling, or the households of this report). */
export function parseCanvassNumber(text: string, max: number): ParsedCanvassNumber {
  const simple = text.trim().toLowerCase().replace(/\s+/g, " ").replace(/[.!]+$/, "");
  if (noneWords.has(simple)) return { status: "ok", value: 0 };
  const bare = simple.replace(unitWords, "").replace(/^(?:ada|sekitar|kurang lebih|kira-kira|about|around|±|~)\s*/, "").trim();
  if (/^-\s*\d/.test(bare)) return { status: "invalid", problem: "negative", max };
  if (/^\d+[.,]\d{1,2}$/.test(bare)) return { status: "invalid", problem: "fraction", max };
  const value = parseWholeNumber(bare);
  if (value === null || value === undefined) return { status: "invalid", problem: "not_a_number", max };
  if (value > max) return { status: "invalid", problem: "too_large", max };
  return { status: "ok", value };
}
