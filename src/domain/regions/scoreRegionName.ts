import { measureEditDistance } from "./measureEditDistance.js";
import type { RegionQuery, SearchableRegion } from "./types.js";

// A word found only in the enclosing area ("bandung jawa barat") helps, but less than the name itself.
const CONTEXT_WEIGHT = 0.5;
// Enough to order Kota Bandung above Kabupaten Bandung for "kota bandung", too little to lift a worse name match.
const KIND_BONUS = 0.05;
// Two letters prefix too many names to mean anything.
const MIN_PREFIX_LENGTH = 3;

/**
 * How well the words fit one region, about 0..1, or undefined when some word fits nowhere
 * (every typed word must be accounted for, and at least one by the region's own name).
 * With `tolerateTypos`, a word may also be one or two edits away from a name's word.
 */
export function scoreRegionName(
  words: readonly string[],
  query: Pick<RegionQuery, "levelWords" | "kind">,
  candidate: SearchableRegion,
  tolerateTypos: boolean,
): number | undefined {
  if (words.length === 0) return undefined;
  const asTyped = scoreWords(words, query, candidate, tolerateTypos);
  // "bandung jawa barat": a whole province name only narrows; its "barat" must not make Bandung Barat win.
  const withoutProvince = removeSequence(words, candidate.contextWords);
  if (withoutProvince === undefined || withoutProvince.length === 0) return asTyped;
  return maxDefined(asTyped, scoreWords(withoutProvince, query, candidate, tolerateTypos));
}

function scoreWords(
  words: readonly string[],
  query: Pick<RegionQuery, "levelWords" | "kind">,
  candidate: SearchableRegion,
  tolerateTypos: boolean,
): number | undefined {
  const { nameWords, contextWords } = candidate;

  // "siborongborong" for Siborong-Borong; "kota baru" for Kotabaru, where "kota" was part of the name, not a level.
  const nameJoined = nameWords.join("");
  if (words.join("") === nameJoined) return 1 + kindAdjustment(query, candidate);
  if ([...query.levelWords, ...words].join("") === nameJoined) return 1;

  const usedName = new Set<number>();
  const usedContext = new Set<number>();
  let total = 0;
  let ownMatches = 0;
  for (const word of words) {
    const own = findBestWord(word, nameWords, usedName, tolerateTypos);
    const context = findBestWord(word, contextWords, usedContext, tolerateTypos);
    if (own.score === 0 && context.score === 0) return undefined;
    if (own.score >= context.score * CONTEXT_WEIGHT) {
      usedName.add(own.index);
      total += own.score;
      ownMatches++;
    } else {
      usedContext.add(context.index);
      total += context.score * CONTEXT_WEIGHT;
    }
  }
  if (ownMatches === 0) return undefined;

  // Level words count when the name really contains them ("Kabupaten Lima Puluh Kota", district "Kota Baru").
  let levelWordInName = false;
  for (const levelWord of query.levelWords) {
    const index = nameWords.findIndex((nameWord, i) => nameWord === levelWord && !usedName.has(i));
    if (index >= 0) {
      usedName.add(index);
      levelWordInName = true;
    }
  }

  // Unmatched name words cost: "bandung" fits Kota Bandung better than Kabupaten Bandung Barat.
  const coverage = nameWords.length === 0 ? 1 : usedName.size / nameWords.length;
  const score = (total / words.length) * (0.6 + 0.4 * coverage);
  return levelWordInName ? score : score + kindAdjustment(query, candidate);
}

function removeSequence(words: readonly string[], sequence: readonly string[]): string[] | undefined {
  if (sequence.length === 0) return undefined;
  for (let start = 0; start + sequence.length <= words.length; start++) {
    if (sequence.every((word, i) => words[start + i] === word)) return [...words.slice(0, start), ...words.slice(start + sequence.length)];
  }
  return undefined;
}

function maxDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.max(a, b);
}

function kindAdjustment(query: Pick<RegionQuery, "kind">, candidate: SearchableRegion): number {
  if (query.kind === null || candidate.kind === null) return 0;
  return query.kind === candidate.kind ? KIND_BONUS : -KIND_BONUS;
}

function findBestWord(
  word: string,
  candidates: readonly string[],
  used: ReadonlySet<number>,
  tolerateTypos: boolean,
): { score: number; index: number } {
  let best = { score: 0, index: -1 };
  candidates.forEach((candidate, index) => {
    if (used.has(index)) return;
    const score = scoreWord(word, candidate, tolerateTypos);
    if (score > best.score) best = { score, index };
  });
  return best;
}

function scoreWord(word: string, candidate: string, tolerateTypos: boolean): number {
  if (word === candidate) return 1;
  if (word.length >= MIN_PREFIX_LENGTH && candidate.startsWith(word)) return 0.5 + 0.4 * (word.length / candidate.length);
  if (!tolerateTypos) return 0;
  // Short words get no typo tolerance: one edit away from "solo" is "solok", a different place.
  const allowed = word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
  if (allowed === 0) return 0;
  const distance = measureEditDistance(word, candidate, allowed);
  return distance <= allowed ? 0.85 - 0.1 * distance : 0;
}
