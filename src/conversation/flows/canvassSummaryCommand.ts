// /isu [region] (staff with the "map" permission): households reached, the support split and the
// local issues raised most, for a region (all of Indonesia without one) and its children.
import { readCanvassIssues } from "../../domain/canvass/readCanvassIssues.js";
import { readCanvassSummary, type CanvassFigures } from "../../domain/canvass/readCanvassSummary.js";
import { supportShare } from "../../domain/canvass/supportShare.js";
import { resolveMapRegion } from "../../domain/maps/resolveMapRegion.js";
import type { Turn } from "../turn.js";
import { issueLabel } from "./canvassFormat.js";
import { staffReply } from "./staffAccess.js";

const shownChildren = 10;
const shownIssues = 5;

export async function showCanvassSummary(turn: Turn, args: string): Promise<void> {
  const t = turn.t;
  const query = args.trim().slice(0, 80);
  // The same reading of a region as /peta: a code, a province or regency, "Coblong, Kota Bandung".
  const resolved = resolveMapRegion(turn.deps.regions, query);
  if (resolved.status === "ambiguous") return staffReply(turn, t("canvass:summary.ambiguous", { query, candidates: resolved.candidates.map((c) => `${c.label} (${c.code})`).join("; ") }));
  if (resolved.status === "unknown") {
    const suggestions = resolved.suggestions.map((c) => `${c.label} (${c.code})`).join("; ");
    return staffReply(turn, suggestions ? t("canvass:summary.unknownSuggest", { query, suggestions }) : t("canvass:summary.unknown", { query }));
  }
  const regionCode = resolved.status === "found" ? resolved.region.code : null;
  // A district's children are villages: their names are in the village list, read once on first need.
  if (regionCode !== null && regionCode.length >= 8) await turn.deps.regions.loadVillages();
  const region = regionCode === null ? "Indonesia" : (turn.deps.regions.describe(regionCode) ?? regionCode);
  const summary = await readCanvassSummary(turn.tx, { regionCode });
  if (summary.total.reports === 0) return staffReply(turn, t("canvass:summary.none", { region }));
  const issues = await readCanvassIssues(turn.tx, { regionCode, limit: shownIssues });

  const blocks = [totalLine(turn, summary.total)];
  if (summary.children.length > 0) {
    const rows = summary.children.slice(0, shownChildren).map((child) =>
      t("canvass:summary.child", { name: turn.deps.regions.get(child.regionCode)?.name ?? child.regionCode, households: child.households, share: share(turn, child) }),
    );
    if (summary.children.length > shownChildren) rows.push(t("canvass:summary.more", { count: summary.children.length - shownChildren }));
    blocks.push([t("canvass:summary.children"), ...rows].join("\n"));
  }
  const issueLines = issues.map((issue, index) => t("canvass:summary.issue", { rank: index + 1, issue: issueLabel(turn, issue), reports: issue.reports }));
  blocks.push(issueLines.length > 0 ? [t("canvass:summary.issues"), ...issueLines].join("\n") : t("canvass:summary.noIssues"));
  staffReply(turn, blocks.join("\n\n"), t("canvass:summary.title", { region }));
}

function totalLine(turn: Turn, total: CanvassFigures): string {
  return turn.t("canvass:summary.total", { ...total, met: total.households - total.notHome, share: share(turn, total) });
}

function share(turn: Turn, figures: CanvassFigures): string {
  const value = supportShare(figures);
  return value === null ? turn.t("canvass:summary.noShare") : `${Math.round(value * 100)}%`;
}
