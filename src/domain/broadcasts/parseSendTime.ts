import { indonesianZoneNames } from "../time/indonesianZones.js";
import { isTimeZone } from "../time/isTimeZone.js";

export type SendTime =
  | { status: "now" }
  | { status: "ok"; at: Date; zone: string }
  | { status: "past"; at: Date; zone: string }
  | { status: "invalid" }
  | { status: "unknown_zone"; zone: string };

const zoneNames: Record<string, string> = { ...indonesianZoneNames, UTC: "UTC", GMT: "UTC" };
const nowWords = new Set(["now", "sekarang", "skrg", "langsung"]);

/**
 * "now", "2026-12-01 19:00", "1/12/2026 19.00 WITA", "2026-12-01 19:00 Asia/Jayapura".
 * A time without a zone is in `defaultZone` (the campaign's, Asia/Jakarta by default).
 */
export function parseSendTime(text: string, now: Date, defaultZone: string): SendTime {
  const trimmed = text.trim().replace(/\s+/g, " ");
  if (nowWords.has(trimmed.toLowerCase())) return { status: "now" };
  const match =
    /^(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}))(?:[ T]| pukul | jam | at )(\d{1,2})[:.](\d{2})(?: ([A-Za-z_]+(?:\/[A-Za-z_+-]+)*))?$/i.exec(trimmed);
  if (!match) return { status: "invalid" };
  const [, isoYear, isoMonth, isoDay, dmyDay, dmyMonth, dmyYear, hourText, minuteText, zoneText] = match;
  const year = Number(isoYear ?? dmyYear);
  const month = Number(isoMonth ?? dmyMonth);
  const day = Number(isoDay ?? dmyDay);
  const hour = Number(hourText);
  const minute = Number(minuteText);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return { status: "invalid" };
  // 31 February is not a date; Date.UTC would quietly roll it into March.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return { status: "invalid" };
  const zone = zoneText ? (zoneNames[zoneText.toUpperCase()] ?? zoneText) : defaultZone;
  if (!isTimeZone(zone)) return { status: "unknown_zone", zone: zoneText ?? zone };
  const at = zonedTimeToUtc(year, month, day, hour, minute, zone);
  return at.getTime() <= now.getTime() ? { status: "past", at, zone } : { status: "ok", at, zone };
}

function zonedTimeToUtc(year: number, month: number, day: number, hour: number, minute: number, zone: string): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let utc = wall - offsetAt(wall, zone);
  // Near a daylight-saving change the offset at the guess can differ from the offset at the answer.
  const corrected = wall - offsetAt(utc, zone);
  if (corrected !== utc) utc = corrected;
  return new Date(utc);
}

function offsetAt(ms: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(ms / 1000) * 1000;
}
