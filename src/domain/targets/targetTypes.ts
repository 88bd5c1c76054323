// The shapes of the targets import: the figures a region can have, why a row is refused, and
// the report staff read at the end.
import type { RegionNameProblem } from "../regions/describeRegionProblem.js";

/** The four figures staff set per region. */
export const targetFigures = ["registeredVoters", "pollingStations", "targetVolunteers", "targetSupporters"] as const;
export type TargetFigure = (typeof targetFigures)[number];

/** One region's figures from a row; a figure the file has no column for is absent (left as it was). */
export interface TargetRow {
  line: number;
  regionCode: string;
  /** null: the cell was empty, and the figure is cleared. */
  figures: Partial<Record<TargetFigure, number | null>>;
}

export type TargetRowProblem =
  | { code: "csv"; detail: string }
  | { code: "unclosed_quote" }
  | { code: "field_count"; found: number; expected: number }
  | { code: "no_region" }
  /** Not shaped like a code, or no such region. */
  | { code: "region_code"; value: string }
  | RegionNameProblem
  | { code: "number"; field: TargetFigure; value: string }
  | { code: "too_large"; field: TargetFigure; max: number }
  /** More target supporters, or more polling stations, than registered voters. */
  | { code: "above_voters"; field: "targetSupporters" | "pollingStations" }
  | { code: "duplicate"; firstLine: number };

export interface InvalidTargetRow {
  line: number;
  problem: TargetRowProblem;
}

export interface TargetImportReport {
  file: string;
  rowsRead: number;
  /** Regions that had no figures before. */
  created: number;
  /** Regions whose figures this file replaced. */
  replaced: number;
  invalid: number;
  /** The first invalid rows, in file order; all of them are in the errors file. */
  invalidRows: InvalidTargetRow[];
  errorsPath?: string;
  /** The figures the file has columns for: only these were written. */
  figures: TargetFigure[];
  ignoredColumns: string[];
  seconds: number;
}
