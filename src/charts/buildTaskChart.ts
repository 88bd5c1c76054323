import type { TopLevelSpec } from "vega-lite";
import { assignmentStates, type TaskCompletion } from "../domain/stats/types.js";
import { buildEmptyChart } from "./buildEmptyChart.js";
import type { ChartTranslate } from "./chartTypes.js";
import { frameChart } from "./frameChart.js";
import { truncateLabel } from "./truncateLabel.js";

const colors = { done: "#2e9d5b", accepted: "#2f7ebc", overdue: "#d64541", offered: "#bdbdbd", declined: "#e3a21a" } as const;

/** The latest tasks, one stacked bar each: how many volunteers are done, working, overdue, silent or declined. */
export function buildTaskChart(tasks: TaskCompletion, t: ChartTranslate): TopLevelSpec {
  const shown = tasks.recent.filter((task) => assignmentStates.some((state) => task.counts[state] > 0));
  const title = { text: t("stats:chart.tasks.title"), ...(shown.length > 0 ? { subtitle: t("stats:chart.tasks.subtitle", { count: tasks.recent.length }) } : {}) };
  if (shown.length === 0) return buildEmptyChart(title, t("stats:noData"));
  const labels = assignmentStates.map((state) => t(`stats:chart.tasks.${state}`));
  const taskLabels = tasks.recent.map((task) => truncateLabel(`#${task.id} ${task.title}`, 34));
  const values = tasks.recent.flatMap((task, i) =>
    assignmentStates.map((state, order) => ({ task: taskLabels[i], state: labels[order], order, volunteers: task.counts[state] })),
  );
  return frameChart(title, {
    data: { values },
    mark: { type: "bar" },
    encoding: {
      y: { field: "task", type: "nominal", sort: taskLabels, title: null, axis: { labelLimit: 300, labelFontSize: 13 } },
      x: { field: "volunteers", type: "quantitative", stack: "zero", title: t("stats:chart.tasks.axis"), axis: { format: ",d", tickMinStep: 1 } },
      color: { field: "state", type: "nominal", scale: { domain: labels, range: assignmentStates.map((state) => colors[state]) }, legend: { title: null, orient: "right" } },
      order: { field: "order", type: "quantitative" },
    },
  });
}
