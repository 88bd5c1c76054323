const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant for machines and spreadsheets, ISO 8601 with the zone's offset rather than UTC:
 * "2026-12-05T09:00:00+07:00" (milliseconds only when there are some, so a value read back is
 * the same instant to the millisecond). `--json`, stats.json and the CSV exports write these.
 */
export function formatIsoTime(date: Date, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    // en-US with h23 gives plain digits and 0-23 hours on every Node build.
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      timeZoneName: "longOffset",
    });
    formats.set(timeZone, format);
  }
  const part: Record<string, string> = {};
  for (const { type, value } of format.formatToParts(date)) part[type] = value;
  const millis = date.getUTCMilliseconds();
  const fraction = millis === 0 ? "" : `.${String(millis).padStart(3, "0")}`;
  // "GMT+07:00"; zero offset is plain "GMT".
  const offset = (part.timeZoneName ?? "GMT").replace("GMT", "") || "+00:00";
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}:${part.second}${fraction}${offset}`;
}
