import type { TopLevelSpec } from "vega-lite";
import type { FigureKind, RegionValue } from "../domain/maps/types.js";
import { frameChart, type ChartTitle } from "./frameChart.js";
import { barChartWidth, figureFormat, noDataFill, targetColor } from "./mapStyle.js";
import { truncateLabel } from "./truncateLabel.js";

export interface RankedBarLabels {
  title: ChartTitle;
  figure: string;
  noData: string;
  target: string;
}

const ROW = 22;
// Title, subtitle, axis and the legend line around the bars.
const FRAME = 150;

/** The height a ranked chart of `rows` bars is drawn at. */
export function rankedBarChartHeight(rows: number): number {
  return FRAME + ROW * Math.max(rows, 3);
}

/**
 * Regions below province level have no boundaries to draw: their children as horizontal bars,
 * highest first, each target as a red mark across its bar, and the children without data last,
 * hatched and labelled "no data" instead of a zero bar.
 */
export function buildRankedBarChart(ranked: ReadonlyArray<RegionValue>, noData: ReadonlyArray<RegionValue>, kind: FigureKind, labels: RankedBarLabels): TopLevelSpec {
  // Two children may share a name (or be cut to the same one): invisible marks keep their rows apart.
  const seen = new Map<string, number>();
  const rows = [...ranked, ...noData].map((child) => {
    const name = truncateLabel(child.name, 30);
    const repeats = seen.get(name) ?? 0;
    seen.set(name, repeats + 1);
    return { child, label: name + "\u200b".repeat(repeats) };
  }).map(({ child, label }) => ({
    label,
    value: child.value,
    shown: child.value ?? 0,
    target: child.target ?? null,
    note: child.value === null ? labels.noData : null,
  }));
  const top = Math.max(kind === "share" ? 1 : kind === "count" ? 1 : 0.01, ...rows.map((row) => Math.max(row.shown, row.target ?? 0)));
  const format = figureFormat(kind);
  const order = rows.map((row) => row.label);
  const height = rankedBarChartHeight(rows.length);
  return {
    ...frameChart(labels.title, {
      data: { values: rows },
      encoding: {
        y: { field: "label", type: "nominal", sort: order, title: null, axis: { labelLimit: 260, labelFontSize: 12 } },
      },
      layer: [
        {
          mark: { type: "bar", cornerRadiusEnd: 3, height: 14 },
          encoding: {
            x: { field: "shown", type: "quantitative", title: labels.figure, scale: { domain: [0, top * 1.15], nice: false }, axis: { format, tickMinStep: kind === "count" ? 1 : undefined } },
            color: { value: "#2f7ebc" },
          },
        },
        // A child without data: a hatched strip where its bar would be, and the words.
        { transform: [{ filter: "datum.value === null" }], mark: { type: "bar", fill: noDataFill, height: 14, x: 0, x2: 60 } },
        { transform: [{ filter: "datum.value === null" }], mark: { type: "text", align: "left", baseline: "middle", dx: 66, fontSize: 12, color: "#555", x: 0 }, encoding: { text: { field: "note" } } },
        {
          transform: [{ filter: "datum.value !== null" }],
          mark: { type: "text", align: "left", baseline: "middle", dx: 5, fontSize: 12, color: "#222" },
          encoding: { x: { field: "shown", type: "quantitative" }, text: { field: "value", type: "quantitative", format } },
        },
        {
          transform: [{ filter: "datum.target !== null" }],
          mark: { type: "tick", color: targetColor, thickness: 3, size: 20 },
          encoding: { x: { field: "target", type: "quantitative" } },
        },
      ],
    }),
    width: barChartWidth,
    height,
  } as TopLevelSpec;
}
