import type { TopLevelSpec } from "vega-lite";
import type { ContactGrowth } from "../domain/stats/types.js";
import { buildEmptyChart } from "./buildEmptyChart.js";
import type { ChartTranslate } from "./chartTypes.js";
import { frameChart } from "./frameChart.js";

/** Contacts and volunteers over time: two cumulative lines over the campaign's local days. */
export function buildGrowthChart(growth: ContactGrowth, t: ChartTranslate, timeZone: string): TopLevelSpec {
  const title = { text: t("stats:chart.growth.title"), subtitle: t("stats:chart.growth.subtitle", { zone: timeZone }) };
  if (growth.points.length === 0) return buildEmptyChart(title, t("stats:noData"));
  const contacts = t("stats:chart.growth.contacts");
  const volunteers = t("stats:chart.growth.volunteers");
  const values = growth.points.flatMap((point) => [
    { day: point.day, series: contacts, total: point.contacts },
    { day: point.day, series: volunteers, total: point.volunteers },
  ]);
  return frameChart(title, {
    data: { values },
    mark: { type: "line", strokeWidth: 3, point: growth.points.length <= 31 },
    encoding: {
      // The days are local calendar days; read as UTC midnights, no server zone can shift them.
      x: { field: "day", type: "temporal", timeUnit: "utcyearmonthdate", title: t("stats:chart.growth.axisDate"), axis: { format: "%d %b", labelAngle: 0, labelOverlap: "greedy", grid: false } },
      y: { field: "total", type: "quantitative", title: t("stats:chart.growth.axisCount"), axis: { format: ",d", tickMinStep: 1 } },
      color: { field: "series", type: "nominal", scale: { domain: [contacts, volunteers], range: ["#2f7ebc", "#e4572e"] }, legend: { title: null, orient: "top" } },
    },
  });
}
