// Indonesia's three zones by the names people use for them, in Bahasa Indonesia and in English alike.
export const indonesianZoneNames: Readonly<Record<string, string>> = { WIB: "Asia/Jakarta", WITA: "Asia/Makassar", WIT: "Asia/Jayapura" };

// IANA zones that observe them (Pontianak is WIB; Ujung_Pandang is Makassar's old name).
const namesByZone: Readonly<Record<string, string>> = {
  "Asia/Jakarta": "WIB",
  "Asia/Pontianak": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Ujung_Pandang": "WITA",
  "Asia/Jayapura": "WIT",
};

/** "WIB", "WITA" or "WIT" for a zone that is one of them; undefined for any other zone. */
export function indonesianZoneName(timeZone: string): string | undefined {
  return namesByZone[timeZone];
}
