import { expandRegionAliases } from "./expandRegionAliases.js";
import { parseRegionQuery } from "./parseRegionQuery.js";
import { scoreRegionName } from "./scoreRegionName.js";
import type { SearchableRegion } from "./types.js";

/**
 * The best `limit` candidates for a typed query, best first; ties keep the official code order.
 * Typos are tolerated only when nothing matches as typed: "semarang" should not also offer Serang and Pemalang.
 */
export function rankRegions(
  candidates: readonly SearchableRegion[],
  query: string,
  limit: number,
): Array<{ candidate: SearchableRegion; score: number }> {
  if (!(limit >= 1)) return [];
  const parsed = parseRegionQuery(query);
  if (parsed.words.length === 0) return [];
  const variants = expandRegionAliases(parsed.words);

  const score = (tolerateTypos: boolean) => {
    const scored: Array<{ candidate: SearchableRegion; score: number }> = [];
    for (const candidate of candidates) {
      let best: number | undefined;
      for (const words of variants) {
        const score = scoreRegionName(words, parsed, candidate, tolerateTypos);
        if (score !== undefined && (best === undefined || score > best)) best = score;
      }
      if (best !== undefined) scored.push({ candidate, score: best });
    }
    return scored;
  };
  const asTyped = score(false);
  const ranked = asTyped.length > 0 ? asTyped : score(true);
  ranked.sort((a, b) => b.score - a.score || (a.candidate.region.code < b.candidate.region.code ? -1 : 1));
  return ranked.slice(0, Math.floor(limit));
}
