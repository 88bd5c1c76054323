import { indonesianZoneName } from "./indonesianZones.js";
import { intlLocale } from "./intlLocale.js";

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as people read it, in their language and the campaign's zone, with the zone named:
 * "5 Des 2026, 09.00 WIB" / "5 Dec 2026, 09:00 WIB". Indonesia's zones keep their Indonesian
 * names in English too (Intl would say "GMT+7"); any other zone takes Intl's short name.
 */
export function formatLocalTime(date: Date, language: string, timeZone: string): string {
  const key = `${language}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(language), { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
    formats.set(key, format);
  }
  return `${format.format(date)} ${indonesianZoneName(timeZone) ?? shortZoneName(date, language, timeZone)}`;
}

function shortZoneName(date: Date, language: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat(intlLocale(language), { timeZone, timeZoneName: "short" }).formatToParts(date);
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}
