import { formatRegionName } from "./formatRegionName.js";
import { rankRegions } from "./rankRegions.js";
import { splitRegionWords } from "./splitRegionWords.js";
import type { RegencyKind, Region, RegionDirectory, RegionMatch, RegionRows, SearchableRegion } from "./types.js";

const DEFAULT_LIMIT = 8;

/** Builds the in-memory directory and its search indexes from idn-area-data rows. */
export function createRegionDirectory(rows: RegionRows): RegionDirectory {
  const byCode = new Map<string, Region>();
  const regencyCandidates: SearchableRegion[] = [];
  const districtCandidates = new Map<string, SearchableRegion[]>();

  const add = (region: Region): Region => {
    if (byCode.has(region.code)) throw new Error(`Region code ${region.code} appears twice in idn-area-data`);
    const frozen = Object.freeze(region);
    byCode.set(region.code, frozen);
    return frozen;
  };
  const parentOf = (code: string, parentCode: string): Region => {
    const parent = byCode.get(parentCode);
    if (parent === undefined) throw new Error(`Region ${code} points to missing parent ${parentCode} in idn-area-data`);
    return parent;
  };

  for (const row of rows.provinces) {
    add({ code: row.code, name: formatRegionName(row.name), level: "province", parentCode: null });
  }
  for (const row of rows.regencies) {
    const province = parentOf(row.code, row.provinceCode);
    const region = add({ code: row.code, name: formatRegionName(row.name), level: "regency", parentCode: province.code });
    const { kind, nameWords } = splitRegencyName(region.name);
    regencyCandidates.push({ region, kind, nameWords, contextWords: splitRegionWords(province.name) });
  }
  for (const row of rows.districts) {
    const regency = parentOf(row.code, row.regencyCode);
    // Districts are published in mixed case with deliberate capitals ("BTS. Ulu", "Na IX - X"); title-casing would damage them.
    const region = add({ code: row.code, name: row.name.trim(), level: "district", parentCode: regency.code });
    const candidates = districtCandidates.get(regency.code) ?? [];
    candidates.push({ region, kind: null, nameWords: splitRegionWords(region.name), contextWords: [] });
    districtCandidates.set(regency.code, candidates);
  }

  const districtsByName = new Map<string, Region[]>();
  for (const [regencyCode, candidates] of districtCandidates) {
    // Alphabetical, because people scan a list of kecamatan for their own.
    const sorted = candidates.map((candidate) => candidate.region).sort((a, b) => a.name.localeCompare(b.name, "id"));
    districtsByName.set(regencyCode, sorted);
  }

  const labelOf = (region: Region): string => {
    const parent = region.parentCode === null ? undefined : byCode.get(region.parentCode);
    return parent === undefined ? region.name : `${region.name}, ${parent.name}`;
  };
  const toMatches = (ranked: Array<{ candidate: SearchableRegion; score: number }>): RegionMatch[] =>
    ranked.map(({ candidate, score }) => ({ ...candidate.region, label: labelOf(candidate.region), score }));
  const ancestry = (code: string): Region[] => {
    const chain: Region[] = [];
    for (let region = byCode.get(code); region !== undefined; region = region.parentCode === null ? undefined : byCode.get(region.parentCode)) {
      chain.unshift(region);
    }
    return chain;
  };

  return {
    searchRegencies: (query, limit = DEFAULT_LIMIT) => toMatches(rankRegions(regencyCandidates, query, limit)),
    searchDistricts: (regencyCode, query, limit = DEFAULT_LIMIT) =>
      toMatches(rankRegions(districtCandidates.get(regencyCode) ?? [], query, limit)),
    districtsOf: (regencyCode) => [...(districtsByName.get(regencyCode) ?? [])],
    get: (code) => byCode.get(code),
    provinceOf: (code) => ancestry(code)[0],
    ancestry,
  };
}

// "Kota Administrasi Jakarta Selatan" is matched as "jakarta selatan" of kind kota.
function splitRegencyName(name: string): { kind: RegencyKind | null; nameWords: string[] } {
  const words = splitRegionWords(name);
  const kind: RegencyKind | null = words[0] === "kabupaten" ? "kabupaten" : words[0] === "kota" ? "kota" : null;
  let start = kind === null ? 0 : 1;
  if (words[start] === "administrasi" || words[start] === "adm") start++;
  return { kind, nameWords: start < words.length ? words.slice(start) : words };
}
