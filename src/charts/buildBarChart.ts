import type { TopLevelSpec } from "vega-lite";
import { frameChart, type ChartTitle } from "./frameChart.js";

export interface Bar {
  label: string;
  value: number;
}

/** Horizontal bars in the given order (labels must differ; "\n" breaks one into lines), each with its number at the end. */
export function buildBarChart(title: ChartTitle, bars: Bar[], axisTitle: string, color: string): TopLevelSpec {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  return frameChart(title, {
    data: { values: bars },
    encoding: {
      y: { field: "label", type: "nominal", sort: bars.map((bar) => bar.label), title: null, axis: { labelLimit: 300, labelFontSize: 13, labelExpr: "split(datum.label, '\\n')" } },
      // Room past the longest bar for its number.
      x: { field: "value", type: "quantitative", title: axisTitle, scale: { domain: [0, Math.ceil(max * 1.12)], nice: false }, axis: { format: ",d", tickMinStep: 1 } },
    },
    layer: [
      { mark: { type: "bar", color, cornerRadiusEnd: 3 } },
      { mark: { type: "text", align: "left", baseline: "middle", dx: 5, fontSize: 13, color: "#222" }, encoding: { text: { field: "value", type: "quantitative", format: ",d" } } },
    ],
  });
}
