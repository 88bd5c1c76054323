import { intlLocale } from "./intlLocale.js";

/** The day an instant falls on in the campaign's zone, as people read it: "5 Des 2026" / "5 Dec 2026". */
export function formatLocalDate(date: Date, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { day: "numeric", month: "short", year: "numeric", timeZone }).format(date);
}
