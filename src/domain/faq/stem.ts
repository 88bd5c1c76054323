import { createRequire } from "node:module";
import type { Stemmer } from "sastrawijs";
import { readBuiltInLexicon } from "./readBuiltInLexicon.js";
import { stripEnglishSuffix } from "./stripEnglishSuffix.js";

// Made when the first Indonesian word is stemmed, not when this module loads: Sastrawi's dictionary
// is a noticeable part of a start-up, and the terminal chat's first prompt stems nothing.
let sastrawi: Stemmer | undefined;
/** Roots lexicons taught before the stemmer was made, added to its dictionary when it is. */
const pendingRoots: string[] = [];
const overrides = new Map<string, string>();
// Sastrawi tries many affix combinations per word; the index build and every message meet the same words again.
const MAX_REMEMBERED_ROOTS = 50_000;
const roots = new Map<string, string>();

function stemmer(): Stemmer {
  if (sastrawi === undefined) {
    const made = new (createRequire(import.meta.url)("sastrawijs") as typeof import("sastrawijs")).Stemmer();
    sastrawi = made;
    for (const root of pendingRoots.splice(0)) addRoot(made, root);
  }
  return sastrawi;
}

function addRoot(made: Stemmer, root: string): boolean {
  if (made.find(root)) return false;
  // addToDict() is broken in sastrawijs 1.1.0 (it loses `this`), so write to the dictionary directly.
  made.internalDictionary[root] = "";
  return true;
}

/**
 * Teaches the stemmer a lexicon's `stems` (lexicon.yaml): a word mapped to itself is a root
 * Sastrawi's dictionary lacks and would strip to an unrelated one ("relawan" -> "awan" = cloud);
 * a word mapped to another is a root Sastrawi gets wrong ("menikah" -> "meni"). Only ever adds,
 * so every matcher in the process can share one stemmer.
 */
export function registerStems(stems: Readonly<Record<string, string>>): void {
  let learned = false;
  for (const [word, root] of Object.entries(stems)) {
    if (sastrawi === undefined) pendingRoots.push(root);
    else if (addRoot(sastrawi, root)) learned = true;
    if (root !== word && overrides.get(word) !== root) {
      overrides.set(word, root);
      learned = true;
    }
  }
  // A root learned now may change what an earlier word stems to.
  if (learned) roots.clear();
}

registerStems(readBuiltInLexicon().stems);

/**
 * The root a word is matched on. Indonesian goes through Sastrawi, then
 * colloquial Jakarta affixes Sastrawi does not know; English gets a light
 * suffix strip; other languages are matched as written.
 */
export function stem(word: string, language: string): string {
  if (language === "en") return stripEnglishSuffix(word);
  if (language !== "id") return word;
  const override = overrides.get(word);
  if (override !== undefined) return override;
  let root = roots.get(word);
  if (root === undefined) {
    root = stemIndonesian(word);
    // Bounded: a flood of made-up words must not grow it for ever.
    if (roots.size >= MAX_REMEMBERED_ROOTS) roots.clear();
    roots.set(word, root);
  }
  return root;
}

function stemIndonesian(word: string): string {
  const sastrawiStemmer = stemmer();
  const root = sastrawiStemmer.stem(word);
  if (root !== word || sastrawiStemmer.find(word)) return root;
  for (const candidate of colloquialCandidates(word)) {
    const candidateRoot = sastrawiStemmer.stem(candidate);
    if (sastrawiStemmer.find(candidateRoot)) return candidateRoot;
  }
  return word;
}

// Chat Indonesian builds verbs with ny-/ng-/nge- and -in ("nyoblos" = coblos,
// "ngobrol" = obrol, "ngecek" = cek, "biayain" = biayakan). Each guess only
// counts if Sastrawi then finds it in the dictionary.
function colloquialCandidates(word: string): string[] {
  const bases = [word];
  if (word.endsWith("nya") && word.length > 5) bases.push(word.slice(0, -3));
  if (word.endsWith("in") && word.length > 5) bases.push(word.slice(0, -2));
  const candidates: string[] = [];
  for (const base of bases) {
    if (base !== word) candidates.push(base);
    const rest = base.slice(2);
    if (base.startsWith("nge") && base.length > 5) candidates.push(base.slice(3));
    // c before s: "nyalon" is calon, not salon; "nyumbang" still reaches sumbang.
    if (/^ny[aiueo]/.test(base)) candidates.push(`c${rest}`, `s${rest}`);
    if (/^ng[aiueo]/.test(base)) candidates.push(`k${rest}`, rest);
  }
  return candidates;
}

/** True when the word, or its root, is in the Indonesian dictionary: a real word, not a typo or slang. */
export function isDictionaryWord(word: string): boolean {
  return stemmer().find(word) || stemmer().find(stem(word, "id"));
}
