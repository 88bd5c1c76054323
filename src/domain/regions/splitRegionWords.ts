/** Lower-case words for matching: accents dropped, "Ma'u" -> "mau" (people skip the apostrophe), other punctuation separates. */
export function splitRegionWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’‘`ʼ]/g, "")
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "");
}
