import { informalSpellings } from "./informalSpellings.js";

// A Map, so a message containing "constructor" or "__proto__" is just a word.
const spellings = new Map(Object.entries(informalSpellings));

/**
 * Puts chat text into the form the FAQ index is built from: lowercase ASCII
 * words separated by single spaces, informal spellings expanded
 * ("gmn cara jd relawan??" -> "bagaimana cara jadi relawan").
 * Idempotent: normalizing the output again changes nothing.
 */
export function normalizeText(text: string): string {
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
  return joinThanks(words).join(" ");
}

function cleanWord(word: string): string {
  return (
    word
      // "bangettt", "pleaseee": three or more of a letter is emphasis, not spelling.
      .replace(/([a-z])\1{2,}/g, "$1")
      // "apa2", "bagi2" is chat shorthand for reduplication; "s2" (a degree) has one letter and stays.
      .replace(/^([a-z]{2,})2+$/, "$1")
  );
}

function expandSpelling(word: string): string[] {
  // "cawabupnya", "gmnnya": the possessive -nya on a chat spelling adds nothing to match on.
  const standard = spellings.get(word) ?? (word.endsWith("nya") ? spellings.get(word.slice(0, -3)) : undefined);
  return standard === undefined ? [word] : standard.split(" ");
}

// "terima kasih" is thanks, not "receive" + "give"; one token keeps it out of the FAQ's way.
function joinThanks(words: string[]): string[] {
  const joined: string[] = [];
  for (const word of words) {
    if (word === "kasih" && joined.at(-1) === "terima") joined[joined.length - 1] = "terimakasih";
    else joined.push(word);
  }
  return joined;
}
