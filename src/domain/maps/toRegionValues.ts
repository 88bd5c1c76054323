import type { RegionCoverage } from "../regions/coverageTypes.js";
import type { MapFigure } from "./mapFigures.js";
import { pickFigureValue } from "./pickFigureValue.js";
import type { RegionValue } from "./types.js";

/** One figure of each child region, ready to draw (see pickFigureValue for "no data"). */
export function toRegionValues(coverage: RegionCoverage, figure: MapFigure): RegionValue[] {
  return coverage.children.map((child) => ({ code: child.code, name: child.name, ...pickFigureValue(child, figure) }));
}
