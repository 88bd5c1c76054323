import { wallClockToInstant } from "../time/wallClockToInstant.js";
import { isTimeZone } from "../time/isTimeZone.js";

/** An election quiet period (masa tenang): campaign messages may not go out in [start, end). */
export interface BlackoutRange {
  start: Date;
  end: Date;
  /** The text it was parsed from, for logs and reports. */
  label: string;
}

export type ParseBlackoutResult = { status: "ok"; ranges: BlackoutRange[] } | { status: "invalid"; problem: string };

const ITEM = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?\.\.(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?(?:@(.+))?$/;

/**
 * Parses CAMPAIGN_BLACKOUT: comma-separated `START..END@Zone` items, each end a date
 * (the whole day is included: 2029-02-11..2029-02-13 is three days) or a date and time
 * (exclusive: ..2029-04-02T12:00 ends at noon). The zone is the local time the dates are
 * in; without one, `defaultZone`. Empty means no blackout.
 */
export function parseBlackout(value: string | undefined, defaultZone: string): ParseBlackoutResult {
  const ranges: BlackoutRange[] = [];
  for (const raw of (value ?? "").split(",")) {
    const item = raw.trim();
    if (item === "") continue;
    const match = ITEM.exec(item);
    if (!match) return invalid(item, "expected START..END@Zone, like 2029-02-11..2029-02-13@Asia/Jakarta or 2029-04-01T00:00..2029-04-02T12:00@Asia/Makassar");
    const [, startDate = "", startTime, endDate = "", endTime, zone = defaultZone] = match;
    if (!isTimeZone(zone)) return invalid(item, `unknown time zone "${zone}"`);
    const start = toInstant(startDate, startTime ?? "00:00", 0, zone);
    // A bare end date means "through the end of that day".
    const end = toInstant(endDate, endTime ?? "00:00", endTime === undefined ? 1 : 0, zone);
    if (!start || !end) return invalid(item, "not a real date or time");
    if (end.getTime() <= start.getTime()) return invalid(item, "ends before it starts");
    ranges.push({ start, end, label: item });
  }
  return { status: "ok", ranges: ranges.sort((a, b) => a.start.getTime() - b.start.getTime()) };
}

function invalid(item: string, why: string): ParseBlackoutResult {
  return { status: "invalid", problem: `"${item}": ${why}` };
}

function toInstant(date: string, time: string, addDays: number, zone: string): Date | undefined {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  // Rejects 2029-02-30 and 25:00, which Date.UTC would quietly roll over.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return undefined;
  const target = new Date(Date.UTC(year, month - 1, day + addDays));
  return wallClockToInstant({ year: target.getUTCFullYear(), month: target.getUTCMonth() + 1, day: target.getUTCDate(), hour, minute }, zone);
}
