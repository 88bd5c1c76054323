import { Prisma, type Db } from "../../db/client.js";
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

// Code length of each level's children: provinces "32", regencies "32.73", districts "32.73.02", villages "32.73.02.1004".
const childLength: Record<number, number> = { 0: 2, 2: 5, 5: 8, 8: 13 };

/**
 * Households reached and what they said, for a region (or all of Indonesia) and each region one level
 * below it, summed in the database with GROUP BY on the code prefix; withdrawn reports count nowhere.
 * Reports filed for the region itself (a district without a village) count in the total and in no child.
 */
export async function readCanvassSummary(db: Db, options: { regionCode?: string | null; since?: Date } = {}): Promise<CanvassSummary> {
  const regionCode = options.regionCode ?? null;
  const scope = canvassScopeSql(regionCode, options.since);
  const sums = Prisma.sql`COUNT(*) AS "reports", COUNT(DISTINCT r."volunteerId") AS "volunteers", SUM(r."households") AS "households",
    SUM(r."supporters") AS "supporters", SUM(r."undecided") AS "undecided", SUM(r."leaningElsewhere") AS "leaningElsewhere", SUM(r."notHome") AS "notHome"`;
  const [total] = await db.$queryRaw<RawFigures[]>`SELECT ${sums} FROM "CanvassReport" r WHERE ${scope}`;
  const length = childLength[regionCode?.length ?? 0];
  // A constant of the code, written into the statement: PostgreSQL takes SUBSTR(.., $1) and SUBSTR(.., $2) for different expressions.
  const prefix = length ? Prisma.sql`SUBSTR(r."regionCode", 1, ${Prisma.raw(String(length))})` : undefined;
  const children = prefix
    ? await db.$queryRaw<RawFigures[]>`SELECT ${prefix} AS "code", ${sums} FROM "CanvassReport" r
        WHERE ${scope} AND LENGTH(r."regionCode") >= ${length} GROUP BY ${prefix}`
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
