// Indonesia has three time zones and no daylight saving time; a province sits wholly in one.
const WIT = "Asia/Jayapura";
const WITA = "Asia/Makassar";
const WIB = "Asia/Jakarta";

const ZONE_OF_PROVINCE: Record<string, string> = {
  // WIB: Sumatra, Riau Islands, Java, Banten, West and Central Kalimantan.
  ...Object.fromEntries(["11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36", "61", "62"].map((p) => [p, WIB])),
  // WITA: Bali, Nusa Tenggara, South/East/North Kalimantan, Sulawesi.
  ...Object.fromEntries(["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"].map((p) => [p, WITA])),
  // WIT: Maluku and the Papua provinces (including the 2022 splits, 93-96).
  ...Object.fromEntries(["81", "82", "91", "92", "93", "94", "95", "96"].map((p) => [p, WIT])),
};

/**
 * The IANA zone of a contact's region ("32.73" -> Asia/Jakarta), from its province, the first
 * two digits of an idn-area code. No region, or a code that is not an Indonesian province,
 * falls back to `defaultZone`.
 */
export function timeZoneOfRegion(regionCode: string | null | undefined, defaultZone: string): string {
  const province = /^(\d{2})(?:\.|$)/.exec(regionCode?.trim() ?? "")?.[1];
  return (province && ZONE_OF_PROVINCE[province]) || defaultZone;
}
