import type { RegionLookup } from "../regions/types.js";
import { resolveMapRegion, type MapRegionResolution } from "./resolveMapRegion.js";

// A village code ("32.73.02.1004" or its ten digits) or a name with two places after it ("Dago, Coblong, Kota Bandung").
const VILLAGE_CODE = /^(\d{2}\.\d{2}\.\d{2}\.\d{4}|\d{10})$/;

/**
 * resolveMapRegion, with the ~84k villages read first (about a second, once per process) when
 * what was typed can only name a village.
 */
export async function findMapRegion(regions: RegionLookup, text: string): Promise<MapRegionResolution> {
  const value = text.trim();
  if (!regions.hasVillages && (VILLAGE_CODE.test(value) || value.split(",").filter((part) => part.trim() !== "").length >= 3)) await regions.loadVillages();
  return resolveMapRegion(regions, value);
}
