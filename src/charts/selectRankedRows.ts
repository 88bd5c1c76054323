import type { RankedRegionValues, RegionValue } from "../domain/maps/types.js";

// Past this many rows a ranked chart stops being readable in a chat: the strongest and the weakest are kept.
const MAX_ROWS = 60;
const KEEP_EACH_END = 25;

/** The bars a ranked chart shows: all of them, or past 60 the 25 strongest, the 25 weakest and the first children without data. */
export function selectRankedRows(summary: RankedRegionValues): { ranked: RegionValue[]; noData: RegionValue[]; cut: boolean } {
  const cut = summary.ranked.length + summary.noData.length > MAX_ROWS;
  const ranked = cut && summary.ranked.length > 2 * KEEP_EACH_END ? [...summary.ranked.slice(0, KEEP_EACH_END), ...summary.ranked.slice(-KEEP_EACH_END)] : summary.ranked;
  const noData = summary.noData.slice(0, Math.max(0, MAX_ROWS - ranked.length));
  return { ranked, noData, cut };
}
