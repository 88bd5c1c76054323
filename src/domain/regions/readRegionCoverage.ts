import type { Db } from "../../db/client.js";
import { readCanvassSummary, type CanvassFigures } from "../canvass/readCanvassSummary.js";
import { supportShare } from "../canvass/supportShare.js";
import type { CoverageCounts, CoverageFigures, CoverageTargets, RegionCoverageOutcome } from "./coverageTypes.js";
import { countPeopleByRegion } from "./countPeopleByRegion.js";
import { sumTargetsByRegion } from "./sumTargetsByRegion.js";
import type { RegionDirectory } from "./types.js";

export type * from "./coverageTypes.js";

const DAY_MS = 86_400_000;

export interface RegionCoverageQuery {
  /** The region whose children are listed; null for the whole country (its provinces). */
  regionCode: string | null;
  /** A volunteer is active with activity in the last this many days (ACTIVE_VOLUNTEER_DAYS). */
  activeDays: number;
  now: Date;
}

/**
 * Coverage of a region and each of its children: people counted in the database by the prefix of
 * their region code (never loaded here), targets rolled up from the levels below, and the figures
 * derived from both. For a district's villages, pass a directory with villages loaded.
 */
export async function readRegionCoverage(db: Db, regions: RegionDirectory, query: RegionCoverageQuery): Promise<RegionCoverageOutcome> {
  const { regionCode } = query;
  const region = regionCode === null ? undefined : regions.get(regionCode);
  if (regionCode !== null && region === undefined) return { status: "unknown_region", code: regionCode };
  if (region?.level === "district" && !regions.hasVillages) throw new Error("readRegionCoverage: a district's coverage needs the directory with villages");
  const activeSince = new Date(query.now.getTime() - query.activeDays * DAY_MS);

  // One after another: a transaction runs one statement at a time anyway.
  const people = await countPeopleByRegion(db, regionCode, activeSince);
  const targets = region?.level === "village" ? new Map<string, CoverageTargets>() : await sumTargetsByRegion(db, regionCode);
  const own = regionCode === null ? null : await db.regionTarget.findUnique({ where: { regionCode } });
  const canvass = await readCanvassSummary(db, { regionCode });
  const canvassByChild = new Map(canvass.children.map(({ regionCode: code, ...figures }) => [code, figures]));

  const children = region?.level === "village" ? [] : regions.childrenOf(regionCode);
  const childCodes = new Set(children.map((child) => child.code));
  const rows = children.map((child) => ({
    code: child.code,
    name: child.name,
    level: child.level,
    ...deriveFigures(people.get(child.code) ?? emptyCounts(), targets.get(child.code) ?? emptyTargets(), canvassByChild.get(child.code) ?? emptyCanvass()),
  }));

  // Everyone in the region, wherever they fall: the children, the region's own level, and codes
  // no longer in idn-area-data.
  const total = emptyCounts();
  const unplaced = emptyCounts();
  for (const [code, counts] of people) {
    addCounts(total, counts);
    if (code === null || !childCodes.has(code)) addCounts(unplaced, counts);
  }
  const ownTargets: CoverageTargets = {
    registeredVoters: own?.registeredVoters ?? sumFigure(targets, "registeredVoters"),
    pollingStations: own?.pollingStations ?? sumFigure(targets, "pollingStations"),
    targetVolunteers: own?.targetVolunteers ?? sumFigure(targets, "targetVolunteers"),
    targetSupporters: own?.targetSupporters ?? sumFigure(targets, "targetSupporters"),
  };
  return {
    status: "ok",
    coverage: {
      region: {
        code: regionCode,
        name: region?.name ?? "Indonesia",
        level: region?.level ?? "country",
        ...deriveFigures(total, ownTargets, canvass.total),
      },
      children: rows,
      unplaced,
      activeSince,
      activeDays: query.activeDays,
    },
  };
}

function deriveFigures(counts: CoverageCounts, targets: CoverageTargets, canvass: CanvassFigures): CoverageFigures {
  // Households that told a canvasser they support count beside consenting subscribers (docs/mapping.md#coverage).
  const supporters = counts.subscribers + canvass.supporters;
  return {
    ...counts,
    targets,
    canvass: { ...canvass, supportShare: supportShare(canvass) },
    supporters,
    volunteersPerTps: ratio(counts.volunteers, targets.pollingStations),
    volunteerCoverage: ratio(counts.volunteers, targets.targetVolunteers),
    supporterCoverage: ratio(supporters, targets.targetSupporters),
    hasData: counts.contacts > 0 || canvass.reports > 0 || Object.values(targets).some((figure) => figure !== null),
  };
}

function ratio(part: number, whole: number | null): number | null {
  return whole === null || whole === 0 ? null : part / whole;
}

/** The sum of the children's figure, null when no child has it. */
function sumFigure(targets: Map<string, CoverageTargets>, figure: keyof CoverageTargets): number | null {
  let sum: number | null = null;
  for (const childTargets of targets.values()) {
    const value = childTargets[figure];
    if (value !== null) sum = (sum ?? 0) + value;
  }
  return sum;
}

function emptyCounts(): CoverageCounts {
  return { contacts: 0, subscribers: 0, volunteers: 0, activeVolunteers: 0 };
}

function emptyCanvass(): CanvassFigures {
  return { reports: 0, volunteers: 0, households: 0, supporters: 0, undecided: 0, leaningElsewhere: 0, notHome: 0 };
}

function emptyTargets(): CoverageTargets {
  return { registeredVoters: null, pollingStations: null, targetVolunteers: null, targetSupporters: null };
}

function addCounts(into: CoverageCounts, counts: CoverageCounts): void {
  into.contacts += counts.contacts;
  into.subscribers += counts.subscribers;
  into.volunteers += counts.volunteers;
  into.activeVolunteers += counts.activeVolunteers;
}
