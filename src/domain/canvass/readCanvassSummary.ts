import { Prisma, type Db } from "../../db/client.js";
import { childCodeLength } from "../regions/regionScopeSql.js";
import { canvassScopeSql } from "./canvassScopeSql.js";
import type { CanvassCounts } from "./canvassTypes.js";

export interface CanvassFigures extends CanvassCounts {
  /** Reports not withdrawn. */
  reports: number;
  /** Distinct volunteers who wrote them (erased authors are not counted). */
  volunteers: number;
}

export interface CanvassSummary {
  /** null: all of Indonesia. */
  regionCode: string | null;
  total: CanvassFigures;
  /** One row per child region with reports (provinces for all of Indonesia), most households first. */
  children: Array<CanvassFigures & { regionCode: string }>;
}

interface RawFigures {
  code?: string;
  reports: bigint | number | null;
  volunteers: bigint | number | null;
  households: bigint | number | null;
  supporters: bigint | number | null;
  undecided: bigint | number | null;
  leaningElsewhere: bigint | number | null;
  notHome: bigint | number | null;
}

/**
 * Households reached and what they said, for a region (or all of Indonesia) and each region one level
 * below it, summed in the database with GROUP BY on the code prefix; withdrawn reports count nowhere.
 * Reports filed for the region itself (a district without a village) count in the total and in no child.
 */
export async function readCanvassSummary(db: Db, options: { regionCode?: string | null; since?: Date } = {}): Promise<CanvassSummary> {
  const regionCode = options.regionCode ?? null;
  const scope = canvassScopeSql(db, regionCode, options.since);
  const sums = Prisma.sql`COUNT(*) AS "reports", COUNT(DISTINCT r."volunteerId") AS "volunteers", SUM(r."households") AS "households",
    SUM(r."supporters") AS "supporters", SUM(r."undecided") AS "undecided", SUM(r."leaningElsewhere") AS "leaningElsewhere", SUM(r."notHome") AS "notHome"`;
  const [total] = await db.$queryRaw<RawFigures[]>`SELECT ${sums} FROM "CanvassReport" r WHERE ${scope}`;
  // A village has no children. The length is a constant of the code, written into the statement:
  // PostgreSQL takes SUBSTR(.., $1) and SUBSTR(.., $2) for different expressions.
  const length = regionCode !== null && regionCode.length >= 13 ? undefined : Prisma.raw(String(childCodeLength(regionCode)));
  const children = length
    ? await db.$queryRaw<RawFigures[]>`SELECT SUBSTR(r."regionCode", 1, ${length}) AS "code", ${sums} FROM "CanvassReport" r
        WHERE ${scope} AND LENGTH(r."regionCode") >= ${length} GROUP BY SUBSTR(r."regionCode", 1, ${length})`
    : [];
  return {
    regionCode,
    total: toFigures(total),
    children: children
      .map((row) => ({ regionCode: String(row.code), ...toFigures(row) }))
      .sort((a, b) => b.households - a.households || a.regionCode.localeCompare(b.regionCode)),
  };
}

function toFigures(row: RawFigures | undefined): CanvassFigures {
  const n = (value: bigint | number | null | undefined): number => Number(value ?? 0);
  return {
    reports: n(row?.reports),
    volunteers: n(row?.volunteers),
    households: n(row?.households),
    supporters: n(row?.supporters),
    undecided: n(row?.undecided),
    leaningElsewhere: n(row?.leaningElsewhere),
    notHome: n(row?.notHome),
  };
}
