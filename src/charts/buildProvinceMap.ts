import type { TopLevelSpec } from "vega-lite";
import type { FigureKind, RegionValue } from "../domain/maps/types.js";
import { frameChart, type ChartTitle } from "./frameChart.js";
import { provinceFeatureObject, type ProvinceBoundaries } from "./loadProvinceBoundaries.js";
import { figureFormat, mapScheme, noDataFill, provinceMapSize } from "./mapStyle.js";

export interface ProvinceMapLabels {
  title: ChartTitle;
  /** The figure's name, over the colour legend. */
  figure: string;
  noData: string;
  credit: string;
  /** Written across the map when no province has data. */
  empty?: string;
}

// The box around Indonesia (lon, lat): the projection fits it, whatever the data.
const extent = [
  [94.9, -11.1],
  [141.1, 6.2],
];

/**
 * A choropleth of Indonesia: each province coloured by its value, provinces without one hatched
 * grey (with a legend entry), the boundaries' credit in the corner. The `value` of a province not
 * in `provinces` is "no data".
 */
export function buildProvinceMap(provinces: ReadonlyArray<RegionValue>, kind: FigureKind, boundaries: ProvinceBoundaries, labels: ProvinceMapLabels): TopLevelSpec {
  const values = provinces.flatMap((province) => {
    const feature = boundaries.featureOf.get(province.code);
    return feature === undefined ? [] : [{ feature, name: province.name, value: province.value }];
  });
  const top = Math.max(0, ...values.map((v) => v.value ?? 0));
  // A share is read against the target: full colour at 100 %, more is not "more blue".
  const domain = kind === "share" ? [0, 1] : [0, Math.max(top, kind === "count" ? 1 : 0.01)];
  const format = figureFormat(kind);
  const { width, height } = provinceMapSize;
  const layers: Array<Record<string, unknown>> = [
    {
      data: { values: boundaries.topology, format: { type: "topojson", feature: provinceFeatureObject } },
      transform: [
        { lookup: "properties.PROVINSI", from: { data: { values }, key: "feature", fields: ["name", "value"] } },
        // "Jawa Barat: 42%" on each shape (aria-label in the SVG): screen readers, the web dashboard's tooltips, tests.
        { calculate: `(datum.name || datum.properties.PROVINSI) + ': ' + (isValid(datum.value) ? format(datum.value, ${JSON.stringify(format)}) : ${JSON.stringify(labels.noData)})`, as: "label" },
      ],
      projection: { type: "mercator", fit: { type: "Feature", properties: {}, geometry: { type: "MultiPoint", coordinates: extent } } },
      // invalid: null keeps the provinces without a value (vega-lite would drop them) for the hatching.
      mark: { type: "geoshape", stroke: "white", strokeWidth: 0.7, invalid: null },
      encoding: {
        description: { field: "label", type: "nominal" },
        color: {
          condition: { test: "!isValid(datum.value)", value: noDataFill },
          field: "value",
          type: "quantitative",
          // Counts are skewed (one province may have ten times the next): a square-root scale keeps the small ones apart.
          scale: { ...(kind === "count" ? { type: "sqrt" } : {}), scheme: mapScheme, domain, clamp: true, nice: false },
          legend: { orient: "none", legendX: 0, legendY: height - 150, direction: "horizontal", gradientLength: 240, title: labels.figure, format, ...(kind === "share" ? { values: [0, 0.25, 0.5, 0.75, 1] } : {}), titleFontSize: 13, titleLimit: 400 },
        },
      },
    },
    // The "no data" legend entry, beside the colour legend.
    { data: { values: [{}] }, mark: { type: "rect", fill: noDataFill, stroke: "#999", strokeWidth: 0.5, x: 280, x2: 304, y: height - 130, y2: height - 116 } },
    { data: { values: [{ text: labels.noData }] }, mark: { type: "text", align: "left", baseline: "middle", fontSize: 13, color: "#333", x: 312, y: height - 123 }, encoding: { text: { field: "text" } } },
    { data: { values: [{ text: labels.credit }] }, mark: { type: "text", align: "right", baseline: "bottom", fontSize: 10, color: "#666", x: { expr: "width" }, y: { expr: "height" } }, encoding: { text: { field: "text" } } },
  ];
  if (labels.empty) {
    layers.push({ data: { values: [{ text: labels.empty }] }, mark: { type: "text", align: "center", baseline: "middle", fontSize: 22, color: "#555", x: { expr: "width / 2" }, y: 36 }, encoding: { text: { field: "text" } } });
  }
  return { ...frameChart(labels.title, { layer: layers }), width, height } as TopLevelSpec;
}
