import { createTextReader, type TextReader } from "./createTextReader.js";
import { readBuiltInLexicon } from "./readBuiltInLexicon.js";

let builtIn: TextReader | undefined;

/** The reader of the built-in lexicon, for callers with no campaign lexicon at hand. */
export function builtInTextReader(): TextReader {
  builtIn ??= createTextReader(readBuiltInLexicon());
  return builtIn;
}

/**
 * Puts chat text into the form the FAQ index is built from (see TextReader.normalize),
 * with the built-in lexicon: "gmn cara jd relawan??" -> "bagaimana cara jadi relawan".
 */
export function normalizeText(text: string): string {
  return builtInTextReader().normalize(text);
}
