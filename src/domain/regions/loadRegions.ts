import { getDistricts, getProvinces, getRegencies, getVillages } from "idn-area-data";
import { createRegionDirectory } from "./createRegionDirectory.js";
import type { RegionDirectory } from "./types.js";

let loading: Promise<RegionDirectory> | undefined;
let loadingWithVillages: Promise<RegionDirectory> | undefined;

/**
 * The directory of provinces, regencies and districts, read from idn-area-data on first use and
 * shared afterwards. With `villages: true`, a second directory that also holds the ~84k villages
 * (desa/kelurahan): reading them takes about a second, so only what needs villages asks for it
 * (the village question of sign-up, imports, coverage below a district).
 */
export function loadRegions(options: { villages?: boolean } = {}): Promise<RegionDirectory> {
  if (options.villages) {
    loadingWithVillages ??= retryable(readRegionRows(true).then(createRegionDirectory), () => (loadingWithVillages = undefined));
    return loadingWithVillages;
  }
  loading ??= retryable(readRegionRows(false).then(createRegionDirectory), () => (loading = undefined));
  return loading;
}

// A failed read must not stick: the next caller tries again.
function retryable(promise: Promise<RegionDirectory>, forget: () => void): Promise<RegionDirectory> {
  return promise.catch((error: unknown) => {
    forget();
    throw error;
  });
}

async function readRegionRows(withVillages: boolean) {
  const [provinces, regencies, districts, villages] = await Promise.all([
    getProvinces(),
    getRegencies({ transform: true }),
    getDistricts({ transform: true }),
    withVillages ? getVillages({ transform: true }) : undefined,
  ]);
  return { provinces, regencies, districts, villages };
}
