import { readWallClock } from "../time/readWallClock.js";
import { wallClockToInstant } from "../time/wallClockToInstant.js";

/** Local wall-clock times "HH:MM". start > end spans midnight (21:00-07:00); start = end means none. */
export interface QuietHours {
  start: string;
  end: string;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { start: "21:00", end: "07:00" };

/**
 * If `at` falls inside the quiet hours of `timeZone`, the instant they end there (when a held
 * message may go); otherwise undefined. The window is [start, end) on the local clock, so a
 * message at exactly 07:00 goes and one at exactly 21:00 waits.
 */
export function quietHoursEnd(at: Date, timeZone: string, hours: QuietHours): Date | undefined {
  const start = minuteOfDay(hours.start);
  const end = minuteOfDay(hours.end);
  if (start === end) return undefined;
  const wall = readWallClock(at, timeZone);
  const now = wall.hour * 60 + wall.minute;
  const quiet = start < end ? now >= start && now < end : now >= start || now < end;
  if (!quiet) return undefined;
  // Before the end on the same local day (early morning, or a window that does not span midnight),
  // otherwise the end is tomorrow's. Date.UTC normalises day 32 into the next month.
  const dayOffset = now < end ? 0 : 1;
  const endDay = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + dayOffset));
  return wallClockToInstant(
    { year: endDay.getUTCFullYear(), month: endDay.getUTCMonth() + 1, day: endDay.getUTCDate(), hour: Math.floor(end / 60), minute: end % 60 },
    timeZone,
  );
}

/** "07:00" -> 420. Throws on anything else: the configuration is checked at start-up. */
export function minuteOfDay(time: string): number {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(time.trim());
  if (!match) throw new Error(`expected a time of day like 21:00, got "${time}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}
