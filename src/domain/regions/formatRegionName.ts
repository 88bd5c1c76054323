// Acronyms read letter by letter; title-casing them ("Dki") would look like a typo.
const ACRONYMS = new Set(["DKI"]);

/** "KABUPATEN BANDUNG BARAT" -> "Kabupaten Bandung Barat", "KOTA ADM. JAKARTA SELATAN" -> "Kota Adm. Jakarta Selatan". */
export function formatRegionName(raw: string): string {
  return raw
    .trim()
    .split(/\s+/)
    .map((word) =>
      ACRONYMS.has(word.toUpperCase())
        ? word.toUpperCase()
        : word.toLowerCase().replace(/(^|[-(/])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase()),
    )
    .join(" ");
}
