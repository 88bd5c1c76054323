import type { TopLevelSpec } from "vega-lite";
import { frameChart, type ChartTitle } from "./frameChart.js";

/** The chart's title over a calm "no data yet", instead of empty axes. */
export function buildEmptyChart(title: ChartTitle, message: string): TopLevelSpec {
  return frameChart(title, {
    data: { values: [{ message }] },
    mark: { type: "text", align: "center", baseline: "middle", fontSize: 24, color: "#888", x: { expr: "width / 2" }, y: { expr: "height / 2" } },
    encoding: { text: { field: "message", type: "nominal" } },
  });
}
