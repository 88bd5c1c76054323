import type { TopLevelSpec } from "vega-lite";
import { chartSize } from "./chartSize.js";
import { resolveChartFonts } from "./resolveChartFonts.js";

export interface ChartTitle {
  text: string;
  subtitle?: string;
}

const family = resolveChartFonts().family;

/** The frame every chart shares: fixed size (autosize "fit"), white background, one font, title top left. */
export function frameChart(title: ChartTitle, body: Record<string, unknown>): TopLevelSpec {
  return {
    width: chartSize.width,
    height: chartSize.height,
    autosize: { type: "fit", contains: "padding" },
    padding: { left: 16, right: 28, top: 16, bottom: 12 },
    background: "white",
    title: { text: title.text, ...(title.subtitle ? { subtitle: title.subtitle } : {}), anchor: "start", fontSize: 20, subtitleFontSize: 13, subtitleColor: "#555", offset: 14 },
    config: {
      font: family,
      view: { stroke: null },
      axis: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: "normal", labelColor: "#333", titleColor: "#333", gridColor: "#e8e8e8", domainColor: "#999", tickColor: "#999" },
      legend: { labelFontSize: 13, symbolSize: 140 },
    },
    ...body,
  } as TopLevelSpec;
}
