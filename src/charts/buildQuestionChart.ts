import type { TopLevelSpec } from "vega-lite";
import type { QuestionCount } from "../domain/stats/types.js";
import { buildBarChart } from "./buildBarChart.js";
import { buildEmptyChart } from "./buildEmptyChart.js";
import type { ChartTranslate } from "./chartTypes.js";
import { truncateLabel } from "./truncateLabel.js";

/** The questions the FAQ could not answer, most asked first. */
export function buildQuestionChart(questions: QuestionCount[], t: ChartTranslate): TopLevelSpec {
  const title = { text: t("stats:chart.questions.title") };
  if (questions.length === 0) return buildEmptyChart(title, t("stats:noData"));
  const bars = questions.map((q, i) => ({ label: truncateLabel(`${i + 1}. ${q.text}`, 42), value: q.count }));
  return buildBarChart(title, bars, t("stats:chart.questions.axis"), "#7b5ea7");
}
