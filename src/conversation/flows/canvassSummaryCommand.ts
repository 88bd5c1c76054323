// /isu [region] (staff with the "map" permission): households reached, the support split and the
// local issues raised most, for a region (all of Indonesia without one) and its children.
import { readCanvassIssues } from "../../domain/canvass/readCanvassIssues.js";
import { readCanvassSummary } from "../../domain/canvass/readCanvassSummary.js";
import { findMapRegion } from "../../domain/maps/findMapRegion.js";
import { describeRegionSearch } from "../../domain/regions/describeRegionSearch.js";
import type { Turn } from "../turn.js";
import { issueLabel } from "./canvassFormat.js";
import { formatCanvassSummary } from "./canvassSummary.js";
import { staffReply } from "./staffAccess.js";

export const shownCanvassIssues = 5;

export async function showCanvassSummary(turn: Turn, args: string): Promise<void> {
  const t = turn.t;
  const query = args.trim().slice(0, 80);
  // The same reading of a region as /peta: a code, a province or regency, "Dago, Coblong, Kota Bandung".
  const resolved = await findMapRegion(turn.deps.regions, query);
  if (resolved.status === "ambiguous" || resolved.status === "unknown") return staffReply(turn, describeRegionSearch(t, resolved));
  const regionCode = resolved.status === "found" ? resolved.region.code : null;
  // A district's children are villages: their names are in the village list, read once on first need.
  if (regionCode !== null && regionCode.length >= 8) await turn.deps.regions.loadVillages();
  const summary = await readCanvassSummary(turn.tx, { regionCode });
  const issues = summary.total.reports === 0 ? [] : await readCanvassIssues(turn.tx, { regionCode, limit: shownCanvassIssues });
  const { title, text } = formatCanvassSummary(t, {
    region: regionCode === null ? "Indonesia" : (turn.deps.regions.describe(regionCode) ?? regionCode),
    summary,
    issues,
    childName: (code) => turn.deps.regions.get(code)?.name ?? code,
    programmeTitle: (id) => issueLabel(turn, { programmeId: id }),
  });
  staffReply(turn, text, summary.total.reports === 0 ? undefined : title);
}

