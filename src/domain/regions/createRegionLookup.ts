import { loadRegions } from "./loadRegions.js";
import { regionTags } from "./regionTags.js";
import type { RegionLookup } from "./types.js";

/** The shared directory, with the full place description and segment tags the conversation needs. */
export async function createRegionLookup(): Promise<RegionLookup> {
  const directory = await loadRegions();
  return {
    searchRegencies: (query, limit) => directory.searchRegencies(query, limit),
    searchDistricts: (regencyCode, query, limit) => directory.searchDistricts(regencyCode, query, limit),
    districtsOf: (regencyCode) => directory.districtsOf(regencyCode),
    get: (code) => directory.get(code),
    provinceOf: (code) => directory.provinceOf(code),
    ancestry: (code) => directory.ancestry(code),
    describe: (code) => {
      const chain = directory.ancestry(code);
      return chain.length === 0 ? undefined : chain.map((region) => region.name).reverse().join(", ");
    },
    // Tags only for codes that exist, so a stale or mistyped code never lands in a segment.
    tags: (code) => (directory.get(code) === undefined ? [] : regionTags(code)),
  };
}
