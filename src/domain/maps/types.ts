// What a map shows: one figure for each child region of a region (the provinces of Indonesia, the
// regencies of a province, ...). Plain values, so the drawing does not depend on how they were counted.

/** How a figure reads: a count (volunteers), a share of a target (0.42 = 42 %), or a ratio (volunteers per TPS). */
export type FigureKind = "count" | "share" | "ratio";

export interface RegionValue {
  code: string;
  name: string;
  /** null: nothing to show (no target to measure against, no contacts there): drawn as "no data", never as zero. */
  value: number | null;
  /** What the campaign aims for, in the same unit as value (1 for a share); null or absent: none set. */
  target?: number | null;
}

export interface RankedRegionValues {
  /** Children with a value, highest first (ties by name). */
  ranked: RegionValue[];
  /** The three highest (fewer when fewer have data). */
  strongest: RegionValue[];
  /** The three lowest, lowest first; never one already among the strongest. */
  weakest: RegionValue[];
  /** Children without a value, by name. */
  noData: RegionValue[];
}
