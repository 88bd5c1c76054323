import { formatIsoTime } from "./formatIsoTime.js";

/** The calendar day an instant falls on in the zone, ISO 8601: "2026-12-05". */
export function formatIsoDate(date: Date, timeZone: string): string {
  return formatIsoTime(date, timeZone).slice(0, 10);
}
