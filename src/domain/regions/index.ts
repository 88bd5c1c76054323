// What the rest of Relawan uses from regions; the other files here are how it works.
export { loadRegions } from "./loadRegions.js";
export { createRegionDirectory } from "./createRegionDirectory.js";
export { createRegionLookup } from "./createRegionLookup.js";
export { regionTags } from "./regionTags.js";
export { formatRegionName } from "./formatRegionName.js";
export type { Region, RegionDirectory, RegionLevel, RegionLookup, RegionMatch, RegionRows } from "./types.js";
