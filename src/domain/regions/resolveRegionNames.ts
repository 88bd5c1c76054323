import type { Region, RegionDirectory, RegionLevel, RegionMatch } from "./types.js";

/** Names of one place at each level, as a spreadsheet row gives them; blank levels are left out. */
export type RegionNames = Partial<Record<RegionLevel, string>>;

export type RegionResolution =
  | { status: "found"; region: Region }
  /** Nothing fits the name at `level` (inside what the row named above it); `suggestions` are labels of near names. */
  | { status: "unknown"; level: RegionLevel; value: string; suggestions: string[] }
  /** Several places fit equally well; `candidates` are their labels ("Kota Bandung, Jawa Barat"). */
  | { status: "ambiguous"; level: RegionLevel; value: string; candidates: string[] }
  /** A district or village name without the regency or district it is in: thousands share names. */
  | { status: "incomplete"; level: RegionLevel; missing: RegionLevel };

const levels: RegionLevel[] = ["province", "regency", "district", "village"];
// A score this high means every word of the name matched exactly (see scoreRegionName); the kind
// bonus ("kota" typed for Kota Bandung) may lift one of two such matches above the other.
const EXACT = 0.949;

/**
 * Finds the place a row names level by level, each inside the one above: "Jawa Barat" /
 * "Kota Bandung" / "Coblong" / "Dago". Only exact names are taken (spelling variants of a
 * level word, "Kab." or "Kel.", are fine); a near name is reported with a suggestion, because
 * a guessed place would put figures in the wrong region without anyone noticing.
 */
export function resolveRegionNames(directory: RegionDirectory, names: RegionNames): RegionResolution | undefined {
  let parent: Region | undefined;
  let resolved: Region | undefined;
  for (const [depth, level] of levels.entries()) {
    const value = names[level]?.trim();
    if (!value) continue;
    const above = levels[depth - 1];
    // A regency is unique enough nationally ("Kota Bandung"); a district or village is not.
    if (parent === undefined && above !== undefined && level !== "regency") return { status: "incomplete", level, missing: above };
    if (parent !== undefined && parent.level !== above) return { status: "incomplete", level, missing: above! };
    const matches = parent === undefined && level === "regency" ? directory.searchRegencies(value, 8) : directory.searchChildren(parent?.code ?? null, value, 8);
    const picked = pickExact(matches);
    if (picked.status === "unknown") return { status: "unknown", level, value, suggestions: matches.slice(0, 3).map((m) => m.label) };
    if (picked.status === "ambiguous") return { status: "ambiguous", level, value, candidates: picked.candidates.map((m) => m.label) };
    parent = picked.region;
    resolved = picked.region;
  }
  return resolved === undefined ? undefined : { status: "found", region: resolved };
}

function pickExact(matches: RegionMatch[]): { status: "found"; region: Region } | { status: "unknown" } | { status: "ambiguous"; candidates: RegionMatch[] } {
  const exact = matches.filter((match) => match.score >= EXACT);
  if (exact.length === 0) return { status: "unknown" };
  const best = exact.filter((match) => match.score === exact[0]!.score);
  if (best.length > 1) return { status: "ambiguous", candidates: best };
  const { label: _label, score: _score, ...region } = best[0]!;
  return { status: "found", region };
}
