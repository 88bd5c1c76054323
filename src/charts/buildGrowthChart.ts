import type { TopLevelSpec } from "vega-lite";
import type { ContactGrowth } from "../domain/stats/types.js";
import { buildEmptyChart } from "./buildEmptyChart.js";
import type { ChartTranslate } from "./chartTypes.js";
import { frameChart } from "./frameChart.js";

const DAY_MS = 86_400_000;
// Up to this many days between the first and last point, every point gets its own tick.
const SHORT_SPAN_DAYS = 14;
const colors: [string, string] = ["#2f7ebc", "#e4572e"];

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
  const x = {
    field: "day",
    type: "temporal",
    // The days are local calendar days; read as UTC midnights, no server zone can shift them.
    timeUnit: "utcyearmonthdate",
    title: t("stats:chart.growth.axisDate"),
    axis: { format: "%d %b", ...ticks, labelAngle: 0, labelOverlap: "greedy", grid: false },
  };
  const color = { field: "series", type: "nominal", scale: { domain: [contacts, volunteers], range: colors }, legend: { title: null, orient: "top" } };
  // Volunteers are a small share of contacts: on the contacts' scale their line would lie flat at
  // zero. Each series has its own axis in its own colour, contacts on the left, volunteers on the right.
  const line = (series: string, orient: "left" | "right", axisColor: string) => ({
    transform: [{ filter: { field: "series", equal: series } }],
    mark: { type: "line", strokeWidth: 3, point: growth.points.length <= 31 },
    encoding: {
      x,
      y: {
        field: "total",
        type: "quantitative",
        title: series,
        axis: { orient, format: ",d", tickMinStep: 1, titleColor: axisColor, labelColor: axisColor, grid: orient === "left" },
      },
      color,
    },
  });
  return frameChart(title, {
    data: { values },
    layer: [line(contacts, "left", colors[0]), line(volunteers, "right", colors[1])],
    resolve: { scale: { y: "independent" } },
  });
}
