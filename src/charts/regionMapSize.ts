import { rankRegionValues } from "../domain/maps/rankRegionValues.js";
import { rankedBarChartHeight } from "./buildRankedBarChart.js";
import type { RegionMapInput } from "./drawRegionMap.js";
import { barChartWidth, provinceMapSize } from "./mapStyle.js";
import { selectRankedRows } from "./selectRankedRows.js";

/** The size drawRegionMap will draw at, known before drawing (a chat announces a picture's size). */
export function regionMapSize(input: Pick<RegionMapInput, "region" | "children">): { width: number; height: number } {
  if (input.region.code === null) return { ...provinceMapSize };
  const rows = selectRankedRows(rankRegionValues(input.children));
  return { width: barChartWidth, height: rankedBarChartHeight(rows.ranked.length + rows.noData.length) };
}
