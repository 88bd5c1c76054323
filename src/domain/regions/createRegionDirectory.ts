import { formatRegionName } from "./formatRegionName.js";
import { rankRegions } from "./rankRegions.js";
import { splitRegionWords } from "./splitRegionWords.js";
import type { RegencyKind, Region, RegionDirectory, RegionMatch, RegionRows, SearchableRegion } from "./types.js";

const DEFAULT_LIMIT = 8;
// The key of the provinces' (missing) parent in the maps below.
const ROOT = "";

/** Builds the in-memory directory and its search indexes from idn-area-data rows. */
export function createRegionDirectory(rows: RegionRows): RegionDirectory {
  const byCode = new Map<string, Region>();
  const regencyCandidates: SearchableRegion[] = [];
  const candidatesOf = new Map<string, SearchableRegion[]>();

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
  const index = (candidate: SearchableRegion): void => {
    const key = candidate.region.parentCode ?? ROOT;
    const list = candidatesOf.get(key) ?? [];
    list.push(candidate);
    candidatesOf.set(key, list);
  };

  for (const row of rows.provinces) {
    const region = add({ code: row.code, name: formatRegionName(row.name), level: "province", parentCode: null });
    index({ region, kind: null, nameWords: splitProvinceName(region.name), contextWords: [] });
  }
  for (const row of rows.regencies) {
    const province = parentOf(row.code, row.provinceCode);
    const region = add({ code: row.code, name: formatRegionName(row.name), level: "regency", parentCode: province.code });
    const { kind, nameWords } = splitRegencyName(region.name);
    const candidate = { region, kind, nameWords, contextWords: splitRegionWords(province.name) };
    regencyCandidates.push(candidate);
    index(candidate);
  }
  for (const row of rows.districts) {
    const regency = parentOf(row.code, row.regencyCode);
    // Districts are published in mixed case with deliberate capitals ("BTS. Ulu", "Na IX - X"); title-casing would damage them.
    const region = add({ code: row.code, name: row.name.trim(), level: "district", parentCode: regency.code });
    index({ region, kind: null, nameWords: splitRegionWords(region.name), contextWords: [] });
  }
  for (const row of rows.villages ?? []) {
    const district = parentOf(row.code, row.districtCode);
    const region = add({ code: row.code, name: row.name.trim(), level: "village", parentCode: district.code });
    index({ region, kind: null, nameWords: splitRegionWords(region.name), contextWords: [] });
  }

  const childrenByParent = new Map<string, Region[]>();
  for (const [parent, candidates] of candidatesOf) {
    const regions = candidates.map((candidate) => candidate.region);
    // People scan a list of kecamatan or desa for their own: alphabetical. Provinces and regencies keep the official order.
    const level = regions[0]?.level;
    if (level === "district" || level === "village") regions.sort((a, b) => a.name.localeCompare(b.name, "id"));
    childrenByParent.set(parent, regions);
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
  const searchChildren = (parentCode: string | null, query: string, limit = DEFAULT_LIMIT) =>
    toMatches(rankRegions(candidatesOf.get(parentCode ?? ROOT) ?? [], query, limit));
  const childrenOf = (parentCode: string | null) => [...(childrenByParent.get(parentCode ?? ROOT) ?? [])];

  return {
    hasVillages: rows.villages !== undefined,
    searchRegencies: (query, limit = DEFAULT_LIMIT) => toMatches(rankRegions(regencyCandidates, query, limit)),
    searchDistricts: (regencyCode, query, limit) => (byCode.get(regencyCode)?.level === "regency" ? searchChildren(regencyCode, query, limit) : []),
    searchVillages: (districtCode, query, limit) => (byCode.get(districtCode)?.level === "district" ? searchChildren(districtCode, query, limit) : []),
    searchChildren,
    districtsOf: (regencyCode) => (byCode.get(regencyCode)?.level === "regency" ? childrenOf(regencyCode) : []),
    childrenOf,
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

// "DKI Jakarta" is "Jakarta" and "Daerah Istimewa Yogyakarta" is "Yogyakarta" to the people who write them.
function splitProvinceName(name: string): string[] {
  const words = splitRegionWords(name);
  if (words[0] === "dki" && words.length > 1) return words.slice(1);
  if (words[0] === "daerah" && words[1] === "istimewa" && words.length > 2) return words.slice(2);
  return words;
}
