import { Prisma, type Db } from "../../db/client.js";
import { quoteIdentifier } from "../../db/quoteIdentifier.js";
import { jsonValuesSql } from "../imports/jsonValuesSql.js";
import { targetFigures, type TargetFigure, type TargetRow } from "./targetTypes.js";

/**
 * Writes one batch of target rows: each region's row is created, or its figures replaced, for
 * the figures the file has columns for (`figures`); the region's other figures stay. One
 * statement per row (a batch is at most a few thousand small rows). Call it inside a transaction.
 */
export async function writeTargetBatch(
  tx: Db,
  rows: readonly TargetRow[],
  /** dryRun: count what would be created and replaced, write nothing. */
  settings: { figures: readonly TargetFigure[]; actor: string; now: Date; dryRun?: boolean },
): Promise<{ created: number; replaced: number }> {
  if (rows.length === 0) return { created: 0, replaced: 0 };
  const codes = rows.map((row) => row.regionCode);
  const existing = await tx.$queryRaw<{ regionCode: string }[]>`SELECT "regionCode" FROM "RegionTarget" WHERE "regionCode" IN ${jsonValuesSql(tx, codes)}`;
  const known = new Set(existing.map((row) => row.regionCode));
  const columns = targetFigures.filter((figure) => settings.figures.includes(figure));
  const names = Prisma.raw(columns.map((column) => `, ${quoteIdentifier(column)}`).join(""));
  const updates = Prisma.raw(columns.map((column) => `, ${quoteIdentifier(column)} = excluded.${quoteIdentifier(column)}`).join(""));
  for (const row of settings.dryRun ? [] : rows) {
    const values = columns.map((column) => Prisma.sql`, ${row.figures[column] ?? null}`);
    await tx.$executeRaw`
      INSERT INTO "RegionTarget" ("regionCode", "updatedAt", "updatedBy"${names})
      VALUES (${row.regionCode}, ${settings.now}, ${settings.actor}${values.length > 0 ? Prisma.join(values, "") : Prisma.empty})
      ON CONFLICT ("regionCode") DO UPDATE SET "updatedAt" = excluded."updatedAt", "updatedBy" = excluded."updatedBy"${updates}`;
  }
  const replaced = rows.filter((row) => known.has(row.regionCode)).length;
  return { created: rows.length - replaced, replaced };
}
