// The canvass results of a region as text, the same in the chat (/isu) and the CLI
// (relawan canvass summary): totals, each child region, and the issues raised most.
import type { CanvassIssueCount } from "../../domain/canvass/readCanvassIssues.js";
import type { CanvassFigures, CanvassSummary } from "../../domain/canvass/readCanvassSummary.js";
import { supportShare } from "../../domain/canvass/supportShare.js";
import type { Translate } from "../createTranslator.js";

const shownChildren = 10;

export interface CanvassSummaryText {
  region: string;
  summary: CanvassSummary;
  issues: readonly CanvassIssueCount[];
  /** A child region's own name ("Kota Bandung"). */
  childName(code: string): string;
  /** A programme's title in the reader's language. */
  programmeTitle(id: string): string;
}

export function formatCanvassSummary(t: Translate, input: CanvassSummaryText): { title: string; text: string } {
  const { summary, region } = input;
  const title = t("canvass:summary.title", { region });
  if (summary.total.reports === 0) return { title, text: t("canvass:summary.none", { region }) };
  const share = (figures: CanvassFigures) => formatShare(t, figures);
  const blocks = [t("canvass:summary.total", { ...summary.total, met: summary.total.households - summary.total.notHome, share: share(summary.total) })];
  if (summary.children.length > 0) {
    const rows = summary.children
      .slice(0, shownChildren)
      .map((child) => t("canvass:summary.child", { name: input.childName(child.regionCode), households: child.households, share: share(child) }));
    if (summary.children.length > shownChildren) rows.push(t("canvass:summary.more", { count: summary.children.length - shownChildren }));
    blocks.push([t("canvass:summary.children"), ...rows].join("\n"));
  }
  const issues = input.issues.map((issue, index) =>
    t("canvass:summary.issue", { rank: index + 1, issue: "programmeId" in issue ? input.programmeTitle(issue.programmeId) : `"${issue.text}"`, reports: issue.reports }),
  );
  blocks.push(issues.length > 0 ? [t("canvass:summary.issues"), ...issues].join("\n") : t("canvass:summary.noIssues"));
  return { title, text: blocks.join("\n\n") };
}

/** "43%", or "-" when nobody was met. */
export function formatShare(t: Translate, figures: Pick<CanvassFigures, "households" | "supporters" | "notHome">): string {
  const value = supportShare(figures);
  return value === null ? t("canvass:summary.noShare") : `${Math.round(value * 100)}%`;
}
