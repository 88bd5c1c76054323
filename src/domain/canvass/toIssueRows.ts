import { maxCanvassIssues, maxCanvassIssueText, type CanvassIssueInput } from "./canvassTypes.js";

/** Issues as rows: duplicates dropped, free text trimmed and cut to length, at most maxCanvassIssues. */
export function toIssueRows(issues: readonly CanvassIssueInput[]): Array<{ programmeId: string | null; text: string | null }> {
  const seen = new Set<string>();
  const rows: Array<{ programmeId: string | null; text: string | null }> = [];
  for (const issue of issues) {
    const row =
      "programmeId" in issue
        ? { programmeId: issue.programmeId, text: null }
        : { programmeId: null, text: Array.from(issue.text.trim().replace(/\s+/g, " ")).slice(0, maxCanvassIssueText).join("") };
    const key = row.programmeId ? `p:${row.programmeId}` : `t:${(row.text ?? "").toLowerCase()}`;
    if ((!row.programmeId && !row.text) || seen.has(key)) continue;
    seen.add(key);
    rows.push(row);
    if (rows.length === maxCanvassIssues) break;
  }
  return rows;
}
