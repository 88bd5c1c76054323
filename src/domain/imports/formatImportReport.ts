import { describeRowProblem } from "./describeRowProblem.js";
import type { ImportReport, Translate } from "./types.js";

const ns = "importexport:report.";

/**
 * The report staff read after an import, the same on the command line and in the chat: counts,
 * warnings, the first invalid rows with line numbers, and where the full list is.
 */
export function formatImportReport(
  t: Translate,
  report: ImportReport,
  /** errorsLine: where the full list of invalid rows is (a path, or "attached"). */
  options: { languages: readonly string[]; errorsLine?: string },
): string {
  const lines = [
    t(`${ns}counts`, {
      rows: report.rowsRead,
      created: report.created,
      merged: report.merged,
      invalid: report.invalid,
      consent: report.consentRecorded,
      skipped: report.skipped,
    }),
  ];
  if (report.noConsentColumn) lines.push(t(`${ns}noConsentColumn`));
  if (report.consentNotApplied > 0) lines.push(t(`${ns}consentNotApplied`, { count: report.consentNotApplied }));
  if (report.optedOut > 0) lines.push(t(`${ns}optedOut`, { count: report.optedOut }));
  if (report.ignoredColumns.length > 0) lines.push(t(`${ns}ignoredColumns`, { columns: report.ignoredColumns.join(", ") }));
  if (report.invalidRows.length > 0) {
    lines.push("", t(`${ns}invalidTitle`, { count: report.invalidRows.length }));
    for (const row of report.invalidRows) lines.push(t(`${ns}invalidLine`, { line: row.line, reason: describeRowProblem(t, row.problem, options.languages) }));
  }
  if (report.invalid > 0 && options.errorsLine) lines.push(options.errorsLine);
  lines.push(t(`${ns}duration`, { seconds: report.seconds.toFixed(1) }));
  return lines.join("\n");
}
