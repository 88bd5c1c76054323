import type { TopLevelSpec } from "vega-lite";
import { rankRegionValues } from "../domain/maps/rankRegionValues.js";
import type { FigureKind, RankedRegionValues, RegionValue } from "../domain/maps/types.js";
import type { RegionLevel } from "../domain/regions/types.js";
import { buildProvinceMap } from "./buildProvinceMap.js";
import { buildRankedBarChart } from "./buildRankedBarChart.js";
import type { ChartTranslate } from "./chartTypes.js";
import { loadProvinceBoundaries } from "./loadProvinceBoundaries.js";
import { addNoDataPattern } from "./mapStyle.js";
import { regionMapSize } from "./regionMapSize.js";
import { renderChartSvg } from "./renderChartSvg.js";
import { selectRankedRows } from "./selectRankedRows.js";

export interface RegionMapInput {
  /** Whose children are drawn; code null is Indonesia, drawn as the province map. */
  region: { code: string | null; name: string };
  /** The level of the children: "province" for Indonesia. */
  childLevel: RegionLevel;
  /** The figure's name in the staff member's language, and how it reads. */
  figure: { label: string; kind: FigureKind };
  children: ReadonlyArray<RegionValue>;
}

export interface RegionMap {
  /** A standalone SVG document (the web dashboard shows it as is; renderSvgPng makes the chat's picture). */
  svg: string;
  width: number;
  height: number;
  title: string;
  spec: TopLevelSpec;
  summary: RankedRegionValues;
}

/**
 * The map of one figure for a region's children: Indonesia as a province choropleth, anything
 * below as a ranked bar chart with targets marked (there are no boundaries below province level).
 * Labels come from the `mapping` namespace in the staff member's language.
 */
export async function drawRegionMap(input: RegionMapInput, t: ChartTranslate, language: string, options: { onWarning?: (message: string) => void } = {}): Promise<RegionMap> {
  const summary = rankRegionValues(input.children);
  const level = t(`mapping:levelPlural.${input.childLevel}`);
  const total = input.children.length;
  const withData = summary.ranked.length;
  const empty = withData === 0 ? t("mapping:map.empty", { region: input.region.name }) : undefined;
  let spec: TopLevelSpec;
  let title: string;
  if (input.region.code === null) {
    title = t("mapping:map.titleProvinces", { figure: input.figure.label });
    const boundaries = await loadProvinceBoundaries();
    spec = buildProvinceMap(input.children, input.figure.kind, boundaries, {
      title: { text: title, subtitle: t("mapping:map.withData", { count: withData, total, level }) },
      figure: input.figure.label,
      noData: t("mapping:map.noData"),
      credit: t("mapping:map.credit"),
      ...(empty ? { empty } : {}),
    });
  } else {
    title = t("mapping:map.titleChildren", { figure: input.figure.label, level, region: input.region.name });
    const { ranked, noData, cut } = selectRankedRows(summary);
    const notes = [empty ?? t("mapping:map.withData", { count: withData, total, level })];
    if (cut) notes.push(t("mapping:map.shown", { count: ranked.length + noData.length }));
    if (input.children.some((child) => child.target != null)) notes.push(t("mapping:map.targetMark"));
    spec = buildRankedBarChart(ranked, noData, input.figure.kind, {
      title: { text: title, subtitle: notes.join(" · ") },
      figure: input.figure.label,
      noData: t("mapping:map.noData"),
      target: t("mapping:map.target"),
    });
  }
  const svg = addNoDataPattern(await renderChartSvg(spec, language, options));
  return { svg, ...regionMapSize(input), title, spec, summary };
}
