/** Longer words are cut: a name search matches words by their beginning anyway. */
export const nameWordMaxLength = 32;
/** A name with more words keeps its first ones searchable. */
const maxWords = 12;

/**
 * The words of a name (or of a name search) as the name search stores and compares them: accents
 * removed ("José" -> "jose"), lower case, split at anything that is not a letter or a digit, each
 * word once. "Siti Nur-Aminah" -> ["siti", "nur", "aminah"].
 */
export function nameSearchWords(text: string | null): string[] {
  if (text === null) return [];
  const folded = text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== "");
  return [...new Set(words.map((word) => [...word].slice(0, nameWordMaxLength).join("")))].slice(0, maxWords);
}
