import { formatIsoTime } from "../domain/time/formatIsoTime.js";

/**
 * What `--json` prints and stats.json holds: indented JSON whose instants are ISO 8601 with the
 * campaign zone's offset ("2026-12-05T09:00:00+07:00"), the same instant a script reads from
 * UTC, written as the campaign reads its clocks.
 */
export function toJsonText(value: unknown, timeZone: string): string {
  // `this[key]` is the value before Date#toJSON turned it into UTC text.
  return JSON.stringify(
    value,
    function (this: Record<string, unknown>, key: string, shown: unknown) {
      const original = this[key];
      return original instanceof Date ? formatIsoTime(original, timeZone) : shown;
    },
    2,
  );
}
