import type { TopLevelSpec } from "vega-lite";
import { chartSize } from "./chartSize.js";
import { renderChartSvg, type RenderChartOptions } from "./renderChartSvg.js";
import { renderSvgPng } from "./renderSvgPng.js";

export type { RenderChartOptions } from "./renderChartSvg.js";

/**
 * A /stats chart as PNG bytes, with no browser: vega writes SVG in Node, resvg rasterises it.
 * Autosize "fit" keeps the declared size (chartSize) whatever the data; anything else throws.
 */
export async function renderChart(spec: TopLevelSpec, language: string, options: RenderChartOptions = {}): Promise<Uint8Array> {
  return renderSvgPng(await renderChartSvg(spec, language, options), chartSize);
}
