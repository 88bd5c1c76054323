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
  const words = ascii.test(text)
    ? text.toLowerCase().split(asciiSeparators)
    : text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase().split(/[^\p{L}\p{N}]+/u);
  // Each word once, the first maxWords of them: a loop rather than filter, map, a Set and slice,
  // whose arrays and Sets were a few percent of what an import's writing thread allocated.
  const kept: string[] = [];
  for (const word of words) {
    if (word === "") continue;
    const short = cut(word);
    if (!kept.includes(short)) kept.push(short);
    if (kept.length === maxWords) break;
  }
  return kept;
}

/** The word's first nameWordMaxLength characters (code points, so an emoji is never split). */
function cut(word: string): string {
  return word.length <= nameWordMaxLength ? word : [...word].slice(0, nameWordMaxLength).join("");
}
