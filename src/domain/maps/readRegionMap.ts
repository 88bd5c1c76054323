import type { Db } from "../../db/client.js";
import { readRegionCoverage } from "../regions/readRegionCoverage.js";
import type { RegionLevel, RegionLookup } from "../regions/types.js";
import { figureKinds, type MapFigure } from "./mapFigures.js";
import { pickFigureValue } from "./pickFigureValue.js";
import { toRegionValues } from "./toRegionValues.js";
import type { FigureKind, RegionValue } from "./types.js";

export interface RegionMapQuery {
  figure: MapFigure;
  /** null: the whole country. A village is drawn among the villages of its district. */
  regionCode: string | null;
  activeDays: number;
  now: Date;
}

export interface RegionMapData {
  figure: MapFigure;
  kind: FigureKind;
  /** The region whose children are drawn (code null: Indonesia). */
  region: { code: string | null; name: string };
  childLevel: RegionLevel;
  children: RegionValue[];
  /** The region's own figure, rolled up from everything inside it. */
  total: RegionValue;
  /** A village asked for: it is one of the children. */
  village?: { code: string; name: string };
  activeDays: number;
}

export type RegionMapOutcome =
  | { status: "ok"; map: RegionMapData }
  | { status: "unknown_region"; code: string };

const childLevels: Record<"country" | RegionLevel, RegionLevel> = { country: "province", province: "regency", regency: "district", district: "village", village: "village" };

/** One figure for a region and each region inside it, from readRegionCoverage: what /peta and `relawan map` draw. */
export async function readRegionMap(db: Db, regions: RegionLookup, query: RegionMapQuery): Promise<RegionMapOutcome> {
  const asked = query.regionCode === null ? undefined : regions.get(query.regionCode);
  if (query.regionCode !== null && asked === undefined) return { status: "unknown_region", code: query.regionCode };
  const drawnCode = asked?.level === "village" ? asked.parentCode : query.regionCode;
  // Villages take about a second to read, once per process: only a district's map needs them.
  if (asked?.level === "district" || asked?.level === "village") await regions.loadVillages();
  const outcome = await readRegionCoverage(db, regions, { regionCode: drawnCode, activeDays: query.activeDays, now: query.now });
  if (outcome.status === "unknown_region") return outcome;
  const { coverage } = outcome;
  return {
    status: "ok",
    map: {
      figure: query.figure,
      kind: figureKinds[query.figure],
      region: { code: coverage.region.code, name: coverage.region.name },
      childLevel: childLevels[coverage.region.level],
      children: toRegionValues(coverage, query.figure),
      total: { code: coverage.region.code ?? "", name: coverage.region.name, ...pickFigureValue(coverage.region, query.figure) },
      ...(asked?.level === "village" ? { village: { code: asked.code, name: asked.name } } : {}),
      activeDays: query.activeDays,
    },
  };
}
