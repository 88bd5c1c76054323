import type { Db } from "../../db/client.js";
import type { RegionCoverageRow } from "./coverageTypes.js";
import { readRegionCoverage } from "./readRegionCoverage.js";
import type { Region, RegionDirectory, RegionLevel } from "./types.js";

const levels: RegionLevel[] = ["province", "regency", "district", "village"];
// One coverage query per parent region: the districts of the whole country are 514 of them, its
// villages over 7,000. Past this, staff are asked to name a region.
const MAX_PARENTS = 600;

export interface WeakRegionQuery {
  /** Where to look; null is the whole country. */
  regionCode: string | null;
  /** Which regions to judge; by default those one level below `regionCode`. */
  level?: RegionLevel;
  /** Percent of the target volunteers below which a region is weak (50 is half). */
  thresholdPercent: number;
  activeDays: number;
  now: Date;
}

export type WeakRegionsOutcome =
  | {
      status: "ok";
      /** Weakest first: regions with a volunteer target whose volunteers are below the threshold of it. */
      weak: RegionCoverageRow[];
      /** Regions at the level that have a volunteer target (the ones judged). */
      judged: number;
      /** Regions at the level without one: they cannot be judged and are not listed. */
      withoutTarget: number;
      level: RegionLevel;
    }
  | { status: "unknown_region"; code: string }
  /** `level` is not below the region (a village has nothing below it). */
  | { status: "level_not_below"; level: RegionLevel }
  | { status: "too_wide"; parents: number; max: number };

/**
 * Regions below a threshold of their target volunteers, read with the same coverage figures the
 * chat, CLI and maps show. A region without a volunteer target is never "weak": nothing says
 * what it should have. For villages, pass a directory with villages loaded.
 */
export async function findWeakRegions(db: Db, regions: RegionDirectory, query: WeakRegionQuery): Promise<WeakRegionsOutcome> {
  const scope = query.regionCode === null ? undefined : regions.get(query.regionCode);
  if (query.regionCode !== null && scope === undefined) return { status: "unknown_region", code: query.regionCode };
  const scopeDepth = scope === undefined ? -1 : levels.indexOf(scope.level);
  const level = query.level ?? levels[scopeDepth + 1];
  if (level === undefined || levels.indexOf(level) <= scopeDepth) return { status: "level_not_below", level: level ?? "village" };

  // The regions one level above the ones judged, inside the scope.
  let parents: Array<Region | null> = [scope ?? null];
  for (let depth = scopeDepth + 1; depth < levels.indexOf(level); depth++) {
    parents = parents.flatMap((parent) => regions.childrenOf(parent?.code ?? null));
    if (parents.length > MAX_PARENTS) return { status: "too_wide", parents: parents.length, max: MAX_PARENTS };
  }
  const rows: RegionCoverageRow[] = [];
  for (const parent of parents) {
    const outcome = await readRegionCoverage(db, regions, { regionCode: parent?.code ?? null, activeDays: query.activeDays, now: query.now });
    if (outcome.status === "ok") rows.push(...outcome.coverage.children);
  }
  const judged = rows.filter((row) => row.volunteerCoverage !== null);
  const weak = judged
    .filter((row) => row.volunteerCoverage! * 100 < query.thresholdPercent)
    .sort((a, b) => a.volunteerCoverage! - b.volunteerCoverage! || a.code.localeCompare(b.code));
  return { status: "ok", weak, judged: judged.length, withoutTarget: rows.length - judged.length, level };
}
