import { Stemmer } from "sastrawijs";
import { stripEnglishSuffix } from "./stripEnglishSuffix.js";

const sastrawi = new Stemmer();
// Sastrawi's dictionary lacks these, and strips them to unrelated roots
// ("relawan" -> "awan" = cloud, "pemilu" -> "ilu"). addToDict() is broken in
// sastrawijs 1.1.0 (it loses `this`), so write to the dictionary directly.
for (const word of ["relawan", "pemilu", "pilkada", "paslon", "umkm", "bawaslu", "kpu", "tps", "dpt"]) {
  sastrawi.internalDictionary[word] = "";
}

/**
 * The root a word is matched on. Indonesian goes through Sastrawi, then
 * colloquial Jakarta affixes Sastrawi does not know; English gets a light
 * suffix strip; other languages are matched as written.
 */
export function stem(word: string, language: string): string {
  if (language === "en") return stripEnglishSuffix(word);
  if (language !== "id") return word;
  const root = sastrawi.stem(word);
  if (root !== word || sastrawi.find(word)) return root;
  for (const candidate of colloquialCandidates(word)) {
    const candidateRoot = sastrawi.stem(candidate);
    if (sastrawi.find(candidateRoot)) return candidateRoot;
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
