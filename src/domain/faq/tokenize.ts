import { isStopword } from "./isStopword.js";
import { normalizeText } from "./normalizeText.js";

/** Normalized words of a message that may say what it is about: no stopwords, not yet stemmed. */
export function tokenize(text: string): string[] {
  return normalizeText(text)
    .split(" ")
    .filter((word) => word !== "" && !isStopword(word));
}
