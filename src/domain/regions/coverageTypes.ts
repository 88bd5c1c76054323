// The shape of region coverage (readRegionCoverage), shared by the chat, the CLI, the maps and the
// web dashboard. Counts are numbers (0 means none); a figure nobody knows is null, so a region
// without data is never shown as zero.
import type { CanvassFigures } from "../canvass/readCanvassSummary.js";
import type { RegionLevel } from "./types.js";

/** A region's targets: its own row in RegionTarget, or, where that figure is empty, the sum of its parts. */
export interface CoverageTargets {
  /** Registered voters (DPT). */
  registeredVoters: number | null;
  /** Polling stations (TPS). */
  pollingStations: number | null;
  targetVolunteers: number | null;
  targetSupporters: number | null;
}

/** Door-to-door (canvass) reports in a region, withdrawn ones left out: households, never people. */
export type CoverageCanvass = CanvassFigures & {
  /** Supporters among the households met (households minus not at home); null when nobody was met (see supportShare). */
  supportShare: number | null;
};

/** The people of a region, counted in the database. */
export interface CoverageCounts {
  /** Contacts whose region is this one or inside it. */
  contacts: number;
  /** Of those, who said yes to campaign updates and not STOP since. */
  subscribers: number;
  /** Registered volunteers. */
  volunteers: number;
  /** Volunteers who wrote to the bot, answered or finished a task, or sent a canvass report within the window. */
  activeVolunteers: number;
}

export interface CoverageFigures extends CoverageCounts {
  targets: CoverageTargets;
  /** Zeros when the region has no canvass report. */
  canvass: CoverageCanvass;
  /** Consenting subscribers plus households that told a canvasser they support (docs/mapping.md#coverage). */
  supporters: number;
  /** volunteers / pollingStations; null without a TPS figure (or with 0 TPS). */
  volunteersPerTps: number | null;
  /** volunteers / targetVolunteers as a fraction (0.5 is 50%); null without a target. */
  volunteerCoverage: number | null;
  /** supporters / targetSupporters as a fraction; null without a target. */
  supporterCoverage: number | null;
  /** Whether anything is known here: a contact, a target figure or a canvass report. */
  hasData: boolean;
}

/** One child region (a province of the country, a regency of a province, ...). */
export interface RegionCoverageRow extends CoverageFigures {
  code: string;
  name: string;
  level: RegionLevel;
}

export interface RegionCoverage {
  /** The region asked about, its figures rolled up from everything inside it; code null is the whole country. */
  region: CoverageFigures & { code: string | null; name: string; level: RegionLevel | "country" };
  /** Every region one level down, in the directory's order (villages: none). */
  children: RegionCoverageRow[];
  /** Contacts known only at the region's own level (for the country: with no region), in no child. */
  unplaced: CoverageCounts;
  /** Start of the window that makes a volunteer active. */
  activeSince: Date;
  activeDays: number;
}

export type RegionCoverageOutcome = { status: "ok"; coverage: RegionCoverage } | { status: "unknown_region"; code: string };
