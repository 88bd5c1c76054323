import { parseSendTime } from "../broadcasts/parseSendTime.js";

// Files repeat the same few dates; the zone arithmetic is the slow part of a large import.
const cache = new Map<string, Date | undefined>();
const maxCached = 10_000;

/**
 * When a person gave consent outside the bot: "2026-03-01", "1/3/2026", "2026-03-01 14:30",
 * or a full ISO time ("2026-03-01T07:30:00.000Z", as `relawan export` writes). A date or time
 * without a zone is in the campaign's zone (Asia/Jakarta by default); a date alone is its midnight.
 */
export function parseConsentDate(text: string, timeZone: string): Date | undefined {
  const key = `${timeZone}|${text}`;
  if (cache.has(key)) return cache.get(key);
  const at = parse(text.trim(), timeZone);
  if (cache.size >= maxCached) cache.clear();
  cache.set(key, at);
  return at;
}

function parse(text: string, timeZone: string): Date | undefined {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i.test(text)) {
    const at = new Date(text);
    return Number.isNaN(at.getTime()) ? undefined : at;
  }
  const withTime = /\d[:.]\d{2}$/.test(text) ? text.replace("T", " ") : `${text} 00:00`;
  // parseSendTime reads the formats staff type for broadcasts; any date is "past" against the end of time.
  const parsed = parseSendTime(withTime, new Date(8.64e15), timeZone);
  return parsed.status === "past" ? parsed.at : undefined;
}
