import { builtInTextReader } from "./normalizeText.js";

/** Normalized words of a message that may say what it is about (built-in lexicon): no stopwords, not yet stemmed. */
export function tokenize(text: string): string[] {
  return builtInTextReader().tokenize(text);
}
