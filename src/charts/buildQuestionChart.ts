import type { TopLevelSpec } from "vega-lite";
import type { QuestionCount } from "../domain/stats/types.js";
import { buildBarChart } from "./buildBarChart.js";
import { buildEmptyChart } from "./buildEmptyChart.js";
import type { ChartTranslate } from "./chartTypes.js";
import { wrapLabel } from "./wrapLabel.js";

// Without a browser vega measures text at 0.8 × font size per character and cuts what exceeds the
// axis' labelLimit (300 px at 13 pt): 28 characters a line fit. More lines fit when bars are few.
const lineWidth = 28;

/** The questions the FAQ could not answer, most asked first. */
export function buildQuestionChart(questions: QuestionCount[], t: ChartTranslate): TopLevelSpec {
  const title = { text: t("stats:chart.questions.title") };
  if (questions.length === 0) return buildEmptyChart(title, t("stats:noData"));
  const lines = questions.length <= 3 ? 4 : questions.length <= 6 ? 3 : 2;
  const bars = questions.map((q, i) => ({ label: wrapLabel(`${i + 1}. ${q.text}`, lineWidth, lines).join("\n"), value: q.count }));
  return buildBarChart(title, bars, t("stats:chart.questions.axis"), "#7b5ea7");
}
