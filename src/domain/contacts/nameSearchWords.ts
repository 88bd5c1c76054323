/** Longer words are cut: a name search matches words by their beginning anyway. */
export const nameWordMaxLength = 32;
/** A name with more words keeps its first ones searchable. */
const maxWords = 12;
const ascii = /^[^\u0080-\uffff]*$/;
const asciiSeparators = /[^a-z0-9]+/;

/**
 * The words of a name (or of a name search) as the name search stores and compares them: accents
 * removed ("José" -> "jose"), lower case, split at anything that is not a letter or a digit, each
 * word once. "Siti Nur-Aminah" -> ["siti", "nur", "aminah"].
 */
export function nameSearchWords(text: string | null): string[] {
  if (text === null) return [];
  // ASCII alone (most names in a list): nothing to fold, and a letter or digit is [a-z0-9]; the
  // same words without Unicode normalisation and property classes (an import writes a million names).
  if (ascii.test(text)) {
    const words = text.toLowerCase().split(asciiSeparators).filter((word) => word !== "");
    return [...new Set(words.map((word) => word.slice(0, nameWordMaxLength)))].slice(0, maxWords);
  }
  const folded = text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== "");
  return [...new Set(words.map((word) => [...word].slice(0, nameWordMaxLength).join("")))].slice(0, maxWords);
}
