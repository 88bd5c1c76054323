import { wallClockToInstant } from "./wallClockToInstant.js";

/** "2026-11-26" -> the instants its local day starts and ends in `timeZone`; undefined for anything that is not a real date. */
export function localDayRange(text: string, timeZone: string): { start: Date; end: Date } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return {
    start: wallClockToInstant({ year, month, day, hour: 0, minute: 0 }, timeZone),
    end: wallClockToInstant({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0 }, timeZone),
  };
}
