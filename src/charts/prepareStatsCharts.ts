import type { TopLevelSpec } from "vega-lite";
import type { CampaignStats } from "../domain/stats/types.js";
import { buildFunnelChart } from "./buildFunnelChart.js";
import { buildGrowthChart } from "./buildGrowthChart.js";
import { buildProvinceChart } from "./buildProvinceChart.js";
import { buildQuestionChart } from "./buildQuestionChart.js";
import { buildTaskChart } from "./buildTaskChart.js";
import { chartSize } from "./chartSize.js";
import type { ChartTranslate } from "./chartTypes.js";

export interface StatsChart {
  /** "contacts-over-time": also the file name, with ".png". */
  name: string;
  fileName: string;
  /** The chart's title in the staff member's language, for a caption. */
  title: string;
  width: number;
  height: number;
  spec: TopLevelSpec;
  /** Draws the chart on the first call (some tens of milliseconds), then returns the same bytes. */
  png(): Promise<Uint8Array>;
}

/**
 * The five /stats charts, ready to draw. Nothing is drawn here: the chat draws them only when a
 * channel sends them, after the turn's transaction has committed; the CLI draws them all at once.
 */
export function prepareStatsCharts(stats: CampaignStats, t: ChartTranslate, language: string): StatsChart[] {
  const specs: Array<[string, string, TopLevelSpec]> = [
    ["contacts-over-time", t("stats:chart.growth.title"), buildGrowthChart(stats.growth, t, stats.timeZone)],
    ["volunteers-by-province", t("stats:chart.provinces.title"), buildProvinceChart(stats.volunteersByProvince, t)],
    ["broadcast-delivery", t("stats:chart.funnel.title"), buildFunnelChart(stats.broadcasts, t)],
    ["task-completion", t("stats:chart.tasks.title"), buildTaskChart(stats.tasks, t)],
    ["unanswered-questions", t("stats:chart.questions.title"), buildQuestionChart(stats.questions, t)],
  ];
  return specs.map(([name, title, spec]) => {
    let drawn: Promise<Uint8Array> | undefined;
    return {
      name,
      fileName: `${name}.png`,
      title,
      width: chartSize.width,
      height: chartSize.height,
      spec,
      // vega, vega-lite and resvg take seconds to load: only a process that draws a chart pays for it.
      png: () => (drawn ??= import("./renderChart.js").then(({ renderChart }) => renderChart(spec, language))),
    };
  });
}
