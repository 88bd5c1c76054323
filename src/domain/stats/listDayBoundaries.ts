import { readWallClock } from "../time/readWallClock.js";
import { wallClockToInstant } from "../time/wallClockToInstant.js";

export interface LocalDay {
  /** "2026-11-26" in the zone. */
  day: string;
  /** The instant the next local day begins: everything created before it counts for this day. */
  end: Date;
}

export interface DayBoundaries {
  /** From the day before `first` to the day of `now`, oldest first. */
  days: LocalDay[];
  stepDays: number;
  /** When the local day six days before today began: "the last 7 days" start here. */
  weekStart: Date;
}

const DAY_MS = 86_400_000;

/**
 * Local calendar days in `timeZone` from the day before `first` to today, as instants where each
 * day ends. Days are counted on the calendar (Date.UTC), then each midnight is placed in the zone,
 * so a daylight-saving day of 23 or 25 hours still ends at its own midnight. A long span keeps
 * every `stepDays`-th day, today always included, so at most `maxPoints` come back.
 */
export function listDayBoundaries(first: Date, now: Date, timeZone: string, maxPoints = 60): DayBoundaries {
  const today = dayNumber(now, timeZone);
  const start = Math.min(dayNumber(first, timeZone), today) - 1;
  const stepDays = Math.max(1, Math.ceil((today - start) / Math.max(1, maxPoints - 1)));
  const numbers: number[] = [];
  for (let n = today; n > start; n -= stepDays) numbers.push(n);
  numbers.push(start);
  const days = numbers.reverse().map((n) => ({ day: isoDay(n), end: midnightStarting(n + 1, timeZone) }));
  return { days, stepDays, weekStart: midnightStarting(today - 6, timeZone) };
}

/** Days since 1970-01-01 of the local calendar date at `at`. */
function dayNumber(at: Date, timeZone: string): number {
  const wall = readWallClock(at, timeZone);
  return Math.round(Date.UTC(wall.year, wall.month - 1, wall.day) / DAY_MS);
}

function isoDay(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

function midnightStarting(n: number, timeZone: string): Date {
  const date = new Date(n * DAY_MS);
  return wallClockToInstant({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: 0, minute: 0 }, timeZone);
}
