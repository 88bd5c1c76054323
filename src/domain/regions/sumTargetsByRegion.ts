import { Prisma, type Db } from "../../db/client.js";
import { quoteIdentifier } from "../../db/quoteIdentifier.js";
import { targetFigures } from "../targets/targetTypes.js";
import type { CoverageTargets } from "./coverageTypes.js";
import { childCodeLength, regionScopeSql } from "./regionScopeSql.js";

/**
 * The targets of each child of a region, computed in the database. Per figure, a child's own row
 * counts when it has that figure; otherwise the child's figure is the sum of the highest rows
 * inside it that have one (a district's DPT is not added again to the DPT of its villages). A
 * child with no such row is absent or null: not known, not zero.
 */
export async function sumTargetsByRegion(db: Db, parentCode: string | null): Promise<Map<string, CoverageTargets>> {
  const childLength = childCodeLength(parentCode);
  const length = Prisma.raw(String(childLength));
  const sums = targetFigures.map((figure) => {
    const column = Prisma.raw(quoteIdentifier(figure));
    // The row is the highest with this figure if no row between it and the child (the child
    // included) has the figure: its ancestors' codes are its own code cut at 2, 5 and 8.
    return Prisma.sql`SUM(CASE WHEN t.${column} IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM "RegionTarget" a WHERE a.${column} IS NOT NULL
          AND a."regionCode" IN (SUBSTR(t."regionCode", 1, 2), SUBSTR(t."regionCode", 1, 5), SUBSTR(t."regionCode", 1, 8))
          AND LENGTH(a."regionCode") >= ${length} AND LENGTH(a."regionCode") < LENGTH(t."regionCode")
      ) THEN t.${column} END) AS ${column}`;
  });
  const rows = await db.$queryRaw<Array<{ child: string } & Record<(typeof targetFigures)[number], bigint | number | null>>>`
    SELECT SUBSTR(t."regionCode", 1, ${length}) AS "child", ${Prisma.join(sums, ", ")}
    FROM "RegionTarget" t
    WHERE LENGTH(t."regionCode") >= ${length} AND ${regionScopeSql(db, Prisma.sql`t."regionCode"`, parentCode)}
    GROUP BY SUBSTR(t."regionCode", 1, ${length})`;
  const byChild = new Map<string, CoverageTargets>();
  for (const row of rows) {
    byChild.set(row.child, {
      registeredVoters: toNumber(row.registeredVoters),
      pollingStations: toNumber(row.pollingStations),
      targetVolunteers: toNumber(row.targetVolunteers),
      targetSupporters: toNumber(row.targetSupporters),
    });
  }
  return byChild;
}

function toNumber(value: bigint | number | null): number | null {
  return value === null ? null : Number(value);
}
