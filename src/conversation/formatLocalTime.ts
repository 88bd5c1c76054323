/** A date as people read it in their language and the campaign's zone: "26 Nov 2026, 21.18 WIB". */
export function formatLocalTime(date: Date, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language === "id" ? "id-ID" : "en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(date);
}
