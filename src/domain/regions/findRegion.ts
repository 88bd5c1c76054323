import { isRegionCode } from "./isRegionCode.js";
import type { Region, RegionDirectory, RegionMatch } from "./types.js";

export type RegionSearch =
  | { status: "found"; region: Region }
  /** Several places fit equally well: ask which, showing each label and code. */
  | { status: "ambiguous"; query: string; candidates: RegionMatch[] }
  /** Nothing fits; `suggestions` are near names (maybe none). */
  | { status: "not_found"; query: string; suggestions: RegionMatch[] };

// Every word matched exactly (see scoreRegionName and resolveRegionNames).
const EXACT = 0.949;

/**
 * The region staff mean by what they typed after a command: a Kemendagri code with or without
 * dots ("32.73", "3273"), or a name. A name is a province or a regency/city ("jabar", "Kota
 * Bandung"); a district or village is named with the places above it, after commas, the most
 * specific first ("Coblong, Kota Bandung", "Dago, Coblong, Kota Bandung"). Only exact names are
 * taken; a name that fits several places is never guessed.
 */
export function findRegion(directory: RegionDirectory, text: string): RegionSearch {
  const query = text.trim().replace(/\s+/g, " ");
  const code = asRegionCode(query);
  if (code !== undefined) {
    const region = directory.get(code);
    return region === undefined ? { status: "not_found", query, suggestions: [] } : { status: "found", region };
  }
  const parts = query.split(",").map((part) => part.trim()).filter((part) => part !== "").reverse();
  let parent: Region | undefined;
  for (const part of parts) {
    const matches =
      parent === undefined
        ? [...directory.searchChildren(null, part, 8), ...directory.searchRegencies(part, 8)].sort((a, b) => b.score - a.score)
        : directory.searchChildren(parent.code, part, 8);
    const exact = matches.filter((match) => match.score >= EXACT);
    const best = exact.filter((match) => match.score === exact[0]?.score);
    if (best.length === 0) return { status: "not_found", query: part, suggestions: matches.slice(0, 3) };
    if (best.length > 1) return { status: "ambiguous", query: part, candidates: best };
    const { label: _label, score: _score, ...region } = best[0]!;
    parent = region;
  }
  return parent === undefined ? { status: "not_found", query, suggestions: [] } : { status: "found", region: parent };
}

/** "32.73", or "3273" written without dots; undefined when the text is not shaped like a code. */
function asRegionCode(text: string): string | undefined {
  if (isRegionCode(text)) return text;
  if (!/^\d+$/.test(text)) return undefined;
  const dotted = [text.slice(0, 2), text.slice(2, 4), text.slice(4, 6), text.slice(6)].filter((part) => part !== "").join(".");
  return isRegionCode(dotted) ? dotted : undefined;
}
