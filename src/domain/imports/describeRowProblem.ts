import { describeRegionProblem } from "../regions/describeRegionProblem.js";
import type { RowProblem, Translate } from "./types.js";

const ns = "importexport:";

/** Why a row was not imported, in the reader's language (report lines and the errors file). */
export function describeRowProblem(t: Translate, problem: RowProblem, languages: readonly string[]): string {
  switch (problem.code) {
    case "phone":
      return t(`${ns}problem.phone`, { value: clip(problem.value), reason: t(`${ns}phoneReason.${problem.reason}`) });
    case "telegram_id":
    case "region":
    case "consent_date":
    case "future_consent_date":
      return t(`${ns}problem.${problem.code}`, { value: clip(problem.value) });
    case "language":
      return t(`${ns}problem.language`, { value: clip(problem.value), languages: languages.join(", ") });
    case "yes_no":
      return t(`${ns}problem.yes_no`, { field: t(`${ns}fields.${problem.field}`), value: clip(problem.value) });
    case "too_long":
      return t(`${ns}problem.too_long`, { field: t(`${ns}fields.${problem.field}`), max: problem.max });
    case "field_count":
      return t(`${ns}problem.field_count`, { found: problem.found, expected: problem.expected });
    case "csv":
      return t(`${ns}problem.csv`, { detail: clip(problem.detail, 120) });
    case "unclosed_quote":
    case "no_key":
    case "conflict":
      return t(`${ns}problem.${problem.code}`);
    case "region_unknown":
    case "region_ambiguous":
    case "region_incomplete":
      return describeRegionProblem(t, problem);
  }
}

// A cell can be anything; a report line quotes only enough of it to find the row.
function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
