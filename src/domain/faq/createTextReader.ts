import type { Lexicon } from "./lexiconSchema.js";
import { registerStems } from "./stem.js";

/** Chat text read the way the FAQ index is built: one lexicon, compiled once. */
export interface TextReader {
  /**
   * Lowercase ASCII words separated by single spaces, chat spellings expanded
   * ("gmn cara jd relawan??" -> "bagaimana cara jadi relawan"). Idempotent.
   */
  normalize(text: string): string;
  /** The normalized words that may say what a message is about: no particles, no stopwords. */
  tokenize(text: string): string[];
  lexicon: Lexicon;
}

export function createTextReader(lexicon: Lexicon): TextReader {
  registerStems(lexicon.stems);
  // Maps and sets, so a message containing "constructor" or "__proto__" is just a word.
  const spellings = new Map(Object.entries(lexicon.spellings));
  const phrases = new Map(Object.entries(lexicon.phrases).map(([words, joined]) => [words, { length: words.split(" ").length, joined }]));
  const longestPhrase = Math.max(1, ...[...phrases.values()].map((phrase) => phrase.length));
  const dropped = new Set([...lexicon.particles, ...lexicon.stopwords]);
  // "misi2nya", "program2ku": chat reduplication with an ending glued after the 2.
  const reduplication = new RegExp(`^([a-z]{2,})2+(${["", ...lexicon.suffixes].join("|")})$`);

  const cleanWord = (word: string) =>
    word
      // "bangettt", "pleaseee": three or more of a letter is emphasis, not spelling.
      .replace(/([a-z])\1{2,}/g, "$1")
      // "apa2", "misi2nya" is chat shorthand for reduplication; "s2" (a degree) has one letter and stays.
      .replace(reduplication, "$1$2");

  const expandSpelling = (word: string): string[] => {
    // "cawabupnya", "gmnnya": the possessive -nya on a chat spelling adds nothing to match on.
    const standard = spellings.get(word) ?? (word.endsWith("nya") ? spellings.get(word.slice(0, -3)) : undefined);
    return standard === undefined ? [word] : standard.split(" ");
  };

  const joinPhrases = (words: string[]): string[] => {
    if (phrases.size === 0) return words;
    const joined: string[] = [];
    for (let i = 0; i < words.length; ) {
      let matched = false;
      for (let length = Math.min(longestPhrase, words.length - i); length >= 2 && !matched; length--) {
        const phrase = phrases.get(words.slice(i, i + length).join(" "));
        if (phrase !== undefined && phrase.length === length) {
          joined.push(phrase.joined);
          i += length;
          matched = true;
        }
      }
      if (!matched) joined.push(words[i++]!);
    }
    return joined;
  };

  const normalize = (text: string): string => {
    // NFKD splits "é" into "e" + accent and turns full-width or ligature letters into ASCII.
    const lowered = text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
    // Apostrophes join rather than split: "jum'at" -> "jumat", "what's" -> "whats".
    const joined = lowered.replace(/['’‘`´]/g, "");
    const words: string[] = [];
    for (const chunk of joined.split(/[^a-z0-9-]+/)) {
      const parts = chunk.split("-").filter((part) => part !== "").map(cleanWord);
      // "anak-anak", "program-program": plural by reduplication means the same as one.
      const distinct = parts.every((part) => part === parts[0]) ? parts.slice(0, 1) : parts;
      for (const part of distinct) words.push(...expandSpelling(part));
    }
    return joinPhrases(words.filter((word) => word !== "")).join(" ");
  };

  return {
    lexicon,
    normalize,
    tokenize: (text) =>
      normalize(text)
        .split(" ")
        .filter((word) => word !== "" && !dropped.has(word)),
  };
}
