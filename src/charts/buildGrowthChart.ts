import type { TopLevelSpec } from "vega-lite";
import type { ContactGrowth } from "../domain/stats/types.js";
import { buildEmptyChart } from "./buildEmptyChart.js";
import type { ChartTranslate } from "./chartTypes.js";
import { frameChart } from "./frameChart.js";

const DAY_MS = 86_400_000;
// Up to this many days between the first and last point, every point gets its own tick.
const SHORT_SPAN_DAYS = 14;

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
  // On a short campaign vega would tick every few hours and print each day's label several times:
  // one tick per point instead.
  const firstDay = Date.parse(growth.points[0]!.day);
  const spanDays = (Date.parse(growth.points.at(-1)!.day) - firstDay) / DAY_MS;
  const ticks = spanDays <= SHORT_SPAN_DAYS ? { values: growth.points.map((point) => Date.parse(point.day)) } : {};
  return frameChart(title, {
    data: { values },
    mark: { type: "line", strokeWidth: 3, point: growth.points.length <= 31 },
    encoding: {
      // The days are local calendar days; read as UTC midnights, no server zone can shift them.
      x: { field: "day", type: "temporal", timeUnit: "utcyearmonthdate", title: t("stats:chart.growth.axisDate"), axis: { format: "%d %b", ...ticks, labelAngle: 0, labelOverlap: "greedy", grid: false } },
      y: { field: "total", type: "quantitative", title: t("stats:chart.growth.axisCount"), axis: { format: ",d", tickMinStep: 1 } },
      color: { field: "series", type: "nominal", scale: { domain: [contacts, volunteers], range: ["#2f7ebc", "#e4572e"] }, legend: { title: null, orient: "top" } },
    },
  });
}
