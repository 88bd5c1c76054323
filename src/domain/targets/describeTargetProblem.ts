import type { Translate } from "../imports/types.js";
import { describeRegionProblem } from "../regions/describeRegionProblem.js";
import type { TargetRowProblem } from "./targetTypes.js";

const ns = "mapping:targets.problem.";

/** Why a target row was not written, in the reader's language (report lines and the errors file). */
export function describeTargetProblem(t: Translate, problem: TargetRowProblem): string {
  const figure = (value: string) => t(`mapping:figure.${value}`);
  switch (problem.code) {
    case "csv":
      return t("importexport:problem.csv", { detail: clip(problem.detail, 120) });
    case "unclosed_quote":
      return t("importexport:problem.unclosed_quote");
    case "field_count":
      return t("importexport:problem.field_count", { found: problem.found, expected: problem.expected });
    case "no_region":
      return t("mapping:regionProblem.none");
    case "region_code":
      return t("mapping:regionProblem.code", { value: clip(problem.value) });
    case "region_unknown":
    case "region_ambiguous":
    case "region_incomplete":
      return describeRegionProblem(t, problem);
    case "number":
      return t(`${ns}number`, { field: figure(problem.field), value: clip(problem.value) });
    case "too_large":
      return t(`${ns}too_large`, { field: figure(problem.field), max: problem.max });
    case "above_voters":
      return t(`${ns}above_voters`, { field: figure(problem.field) });
    case "duplicate":
      return t(`${ns}duplicate`, { firstLine: problem.firstLine });
  }
}

// A cell can be anything; a report line quotes only enough of it to find the row.
function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
