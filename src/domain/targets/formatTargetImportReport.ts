import type { Translate } from "../imports/types.js";
import { describeTargetProblem } from "./describeTargetProblem.js";
import type { TargetImportReport } from "./targetTypes.js";

const ns = "mapping:targets.report.";

/** The report after a targets import, the same on the command line and in the chat. */
export function formatTargetImportReport(t: Translate, report: TargetImportReport, options: { errorsLine?: string } = {}): string {
  const lines = [
    t(`${ns}counts`, { rows: report.rowsRead, created: report.created, replaced: report.replaced, invalid: report.invalid }),
    t(`${ns}figures`, { figures: report.figures.map((figure) => t(`mapping:figure.${figure}`)).join(", ") }),
  ];
  if (report.ignoredColumns.length > 0) lines.push(t("importexport:report.ignoredColumns", { columns: report.ignoredColumns.join(", ") }));
  if (report.invalidRows.length > 0) {
    lines.push("", t("importexport:report.invalidTitle", { count: report.invalidRows.length }));
    for (const row of report.invalidRows) lines.push(t("importexport:report.invalidLine", { line: row.line, reason: describeTargetProblem(t, row.problem) }));
  }
  if (report.invalid > 0 && options.errorsLine) lines.push(options.errorsLine);
  lines.push(t("importexport:report.duration", { seconds: report.seconds.toFixed(1) }));
  return lines.join("\n");
}
