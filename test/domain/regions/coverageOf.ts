// Reading coverage in the coverage tests: the outcome that must be "ok", and one child by its code.
import type { Db } from "../../../src/db/client.js";
import { readRegionCoverage, type RegionCoverage } from "../../../src/domain/regions/readRegionCoverage.js";
import type { RegionDirectory } from "../../../src/domain/regions/types.js";

export async function coverageOf(db: Db, regions: RegionDirectory, regionCode: string | null, now: Date): Promise<RegionCoverage> {
  const outcome = await readRegionCoverage(db, regions, { regionCode, activeDays: 30, now });
  if (outcome.status !== "ok") throw new Error(`expected coverage, got ${outcome.status}`);
  return outcome.coverage;
}

export function childOf(result: RegionCoverage, code: string): RegionCoverage["children"][number] {
  const row = result.children.find((c) => c.code === code);
  if (!row) throw new Error(`no child ${code}`);
  return row;
}
