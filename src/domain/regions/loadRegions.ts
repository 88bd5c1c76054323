import { getDistricts, getProvinces, getRegencies } from "idn-area-data";
import { createRegionDirectory } from "./createRegionDirectory.js";
import type { RegionDirectory } from "./types.js";

let loading: Promise<RegionDirectory> | undefined;

/**
 * The directory of provinces, regencies and districts, read from idn-area-data on first use and
 * shared afterwards. Villages (~84k rows) are left out: nothing asks people for their desa.
 */
export function loadRegions(): Promise<RegionDirectory> {
  loading ??= readRegionRows().then(createRegionDirectory, (error: unknown) => {
    // A failed read must not stick: the next caller tries again.
    loading = undefined;
    throw error;
  });
  return loading;
}

async function readRegionRows() {
  const [provinces, regencies, districts] = await Promise.all([
    getProvinces(),
    getRegencies({ transform: true }),
    getDistricts({ transform: true }),
  ]);
  return { provinces, regencies, districts };
}
