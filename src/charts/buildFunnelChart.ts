import type { TopLevelSpec } from "vega-lite";
import type { BroadcastFunnel } from "../domain/stats/types.js";
import { buildEmptyChart } from "./buildEmptyChart.js";
import type { ChartTranslate } from "./chartTypes.js";
import { frameChart } from "./frameChart.js";

const stages: Array<[keyof BroadcastFunnel, string]> = [
  ["queued", "#9e9e9e"],
  ["delivered", "#2e9d5b"],
  ["failed", "#d64541"],
  ["blocked", "#8e2c2a"],
  ["skipped", "#e3a21a"],
  ["uncertain", "#7b5ea7"],
];

/** Every broadcast message by where it stands: one bar per stage, in a fixed order and colour. */
export function buildFunnelChart(funnel: BroadcastFunnel, t: ChartTranslate): TopLevelSpec {
  const title = { text: t("stats:chart.funnel.title") };
  if (stages.every(([stage]) => funnel[stage] === 0)) return buildEmptyChart(title, t("stats:noData"));
  const labels = stages.map(([stage]) => t(`stats:chart.funnel.${stage}`));
  const max = Math.max(...stages.map(([stage]) => funnel[stage]));
  return frameChart(title, {
    data: { values: stages.map(([stage], i) => ({ stage: labels[i], count: funnel[stage] })) },
    encoding: {
      x: { field: "stage", type: "nominal", sort: labels, title: null, axis: { labelAngle: 0, labelFontSize: 13 } },
      y: { field: "count", type: "quantitative", title: t("stats:chart.funnel.axis"), scale: { domain: [0, Math.ceil(max * 1.12)], nice: false }, axis: { format: ",d", tickMinStep: 1 } },
    },
    layer: [
      { mark: { type: "bar", cornerRadiusEnd: 3 }, encoding: { color: { field: "stage", type: "nominal", scale: { domain: labels, range: stages.map(([, color]) => color) }, legend: null } } },
      { mark: { type: "text", baseline: "bottom", dy: -4, fontSize: 14, color: "#222" }, encoding: { text: { field: "count", type: "quantitative", format: ",d" } } },
    ],
  });
}
