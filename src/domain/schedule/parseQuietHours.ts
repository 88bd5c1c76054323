import type { QuietHours } from "./quietHoursEnd.js";

/** QUIET_HOURS as configured ("21:00-07:00", checked by src/config.ts) into its window; "off" (or start = end): none. */
export function parseQuietHours(setting: string): QuietHours | null {
  const [start = "", end = ""] = setting.trim().split("-");
  return setting.trim() === "off" || start === end ? null : { start, end };
}
