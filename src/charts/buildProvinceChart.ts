import type { TopLevelSpec } from "vega-lite";
import type { ProvinceCount } from "../domain/stats/types.js";
import { buildBarChart } from "./buildBarChart.js";
import { buildEmptyChart } from "./buildEmptyChart.js";
import type { ChartTranslate } from "./chartTypes.js";

// Indonesia has 38 provinces; past a dozen bars the labels become unreadable at this size.
const SHOWN = 12;

/** Volunteers per province, most first; the rest summed as "others". */
export function buildProvinceChart(provinces: ProvinceCount[], t: ChartTranslate): TopLevelSpec {
  const title = { text: t("stats:chart.provinces.title") };
  if (provinces.length === 0) return buildEmptyChart(title, t("stats:noData"));
  const bars = provinces.map((p) => ({ label: p.name ?? (p.code === null ? t("stats:noRegion") : p.code), value: p.volunteers }));
  const shown = bars.length > SHOWN ? [...bars.slice(0, SHOWN - 1), { label: t("stats:others"), value: bars.slice(SHOWN - 1).reduce((sum, bar) => sum + bar.value, 0) }] : bars;
  return buildBarChart(title, shown, t("stats:chart.provinces.axis"), "#2f7ebc");
}
