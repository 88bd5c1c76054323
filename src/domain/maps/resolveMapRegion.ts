import { isRegionCode } from "../regions/isRegionCode.js";
import type { Region, RegionDirectory, RegionMatch } from "../regions/types.js";

export type MapRegionResolution =
  /** The whole country: its provinces. */
  | { status: "country" }
  | { status: "found"; region: Region }
  /** Several places fit the name equally well: staff pick one (by its code). */
  | { status: "ambiguous"; value: string; candidates: RegionMatch[] }
  /** No place fits; `suggestions` are the nearest names. */
  | { status: "unknown"; value: string; suggestions: RegionMatch[] };

// Every word of the name matched exactly (see scoreRegionName), as resolveRegionNames takes names.
const EXACT = 0.949;
const COUNTRY_WORDS = new Set(["", "indonesia", "nasional", "national", "ri", "semua", "all"]);

/**
 * The region a staff member named for a map: nothing or "Indonesia" (the country), a code ("32",
 * "32.73", "3273"), a province or regency by name ("jabar", "kota bandung"), or a smaller place
 * with its parent after a comma ("Coblong, Kota Bandung"). Only exact names are taken; two that
 * fit alike are a question, never a guess.
 */
export function resolveMapRegion(directory: RegionDirectory, text: string): MapRegionResolution {
  const value = text.trim().replace(/\s+/g, " ");
  if (COUNTRY_WORDS.has(value.toLowerCase())) return { status: "country" };
  const code = toDottedCode(value);
  if (code !== undefined) {
    const region = directory.get(code);
    return region ? { status: "found", region } : { status: "unknown", value, suggestions: [] };
  }
  const parts = value.split(",").map((part) => part.trim()).filter((part) => part !== "");
  if (parts.length > 1) return resolveWithin(directory, parts, value);
  const matches = [...directory.searchChildren(null, value, 5), ...directory.searchRegencies(value, 8)].sort((a, b) => b.score - a.score);
  const picked = pick(matches, value);
  if (picked.status !== "unknown") return picked;
  // A district alone ("Coblong"): taken when its name is exact and nowhere else, asked about otherwise.
  const districts = pick(searchAllDistricts(directory, value), value);
  return districts.status === "unknown" ? picked : districts;
}

function searchAllDistricts(directory: RegionDirectory, value: string): RegionMatch[] {
  const found: RegionMatch[] = [];
  for (const province of directory.childrenOf(null)) {
    for (const regency of directory.childrenOf(province.code)) found.push(...directory.searchChildren(regency.code, value, 3).filter((match) => match.score >= EXACT));
  }
  return found.sort((a, b) => b.score - a.score);
}

// "Coblong, Kota Bandung": the place named last is resolved first, then each one inside it.
function resolveWithin(directory: RegionDirectory, parts: string[], value: string): MapRegionResolution {
  const outer = resolveMapRegion(directory, parts.at(-1)!);
  if (outer.status !== "found") return outer.status === "country" ? { status: "unknown", value, suggestions: [] } : outer;
  let parent = outer.region;
  for (const part of parts.slice(0, -1).reverse()) {
    const inner = pick(directory.searchChildren(parent.code, part, 8), part);
    if (inner.status !== "found") return inner;
    parent = inner.region;
  }
  return { status: "found", region: parent };
}

function pick(matches: RegionMatch[], value: string): MapRegionResolution {
  const exact = matches.filter((match) => match.score >= EXACT);
  if (exact.length === 0) return { status: "unknown", value, suggestions: matches.slice(0, 3) };
  const best = exact.filter((match) => match.score === exact[0]!.score);
  if (best.length > 1) return { status: "ambiguous", value, candidates: best };
  const { label: _label, score: _score, ...region } = best[0]!;
  return { status: "found", region };
}

function toDottedCode(value: string): string | undefined {
  if (isRegionCode(value)) return value;
  // "3273", "327302", "3273021004": the same codes without dots, as spreadsheets keep them.
  const digits = /^\d+$/.test(value) ? value : undefined;
  if (digits === undefined || ![2, 4, 6, 10].includes(digits.length)) return undefined;
  return [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 6), digits.slice(6)].filter((part) => part !== "").join(".");
}
