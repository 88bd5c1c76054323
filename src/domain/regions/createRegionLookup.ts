import { loadRegions } from "./loadRegions.js";
import { regionTags } from "./regionTags.js";
import type { RegionDirectory, RegionLookup } from "./types.js";

/**
 * The shared directory, with the full place description and segment tags the conversation needs.
 * It starts without villages (fast start-up) and switches to the directory with them once
 * something awaits loadVillages().
 */
export async function createRegionLookup(): Promise<RegionLookup> {
  let directory: RegionDirectory = await loadRegions();
  return {
    get hasVillages() {
      return directory.hasVillages;
    },
    searchRegencies: (query, limit) => directory.searchRegencies(query, limit),
    searchDistricts: (regencyCode, query, limit) => directory.searchDistricts(regencyCode, query, limit),
    searchVillages: (districtCode, query, limit) => directory.searchVillages(districtCode, query, limit),
    searchChildren: (parentCode, query, limit) => directory.searchChildren(parentCode, query, limit),
    districtsOf: (regencyCode) => directory.districtsOf(regencyCode),
    childrenOf: (parentCode) => directory.childrenOf(parentCode),
    get: (code) => directory.get(code),
    provinceOf: (code) => directory.provinceOf(code),
    ancestry: (code) => directory.ancestry(code),
    describe: (code) => {
      const chain = directory.ancestry(code);
      return chain.length === 0 ? undefined : chain.map((region) => region.name).reverse().join(", ");
    },
    // Tags only for codes that exist, so a stale or mistyped code never lands in a segment.
    tags: (code) => (directory.get(code) === undefined ? [] : regionTags(code)),
    async loadVillages() {
      if (!directory.hasVillages) directory = await loadRegions({ villages: true });
    },
  };
}
