import { splitRegionWords } from "./splitRegionWords.js";
import type { RegencyKind, RegionQuery } from "./types.js";

const KIND_WORDS: ReadonlyMap<string, RegencyKind> = new Map([
  ["kab", "kabupaten"],
  ["kabupaten", "kabupaten"],
  ["kota", "kota"],
  ["kodya", "kota"],
  ["kotamadya", "kota"],
]);
// Papua calls its kecamatan "distrik"; a village is a desa or a kelurahan.
const OTHER_LEVEL_WORDS = new Set(["kec", "kecamatan", "distrik", "adm", "administrasi", "desa", "ds", "kelurahan", "kel", "provinsi", "prov", "dki", "di"]);

// A chat message can be long; no place name needs more than this.
const MAX_QUERY_LENGTH = 120;

/** Splits what a person typed into words that must match and level words that only rank ("kab bandung"). */
export function parseRegionQuery(query: string): RegionQuery {
  const words: string[] = [];
  const levelWords: string[] = [];
  let kind: RegencyKind | null = null;
  for (const word of splitRegionWords(query.slice(0, MAX_QUERY_LENGTH))) {
    const wordKind = KIND_WORDS.get(word);
    if (wordKind !== undefined) kind = wordKind;
    if (wordKind !== undefined || OTHER_LEVEL_WORDS.has(word)) levelWords.push(word);
    else words.push(word);
  }
  return { words, levelWords, kind };
}
