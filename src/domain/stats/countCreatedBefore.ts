import { Prisma, type Db } from "../../db/client.js";

export interface CreatedCounts {
  total: number;
  /** For each boundary, in the order given, how many rows were created before it. */
  before: number[];
}

// Only these tables are counted; the name goes into the SQL as an identifier, never from input.
const tables = { Contact: Prisma.raw(`"Contact"`), Volunteer: Prisma.raw(`"Volunteer"`) } as const;

/**
 * Cumulative counts at many instants from one scan, with no date function, so the same SQL runs
 * on SQLite and PostgreSQL (the instants are bound parameters). Each row is put in a bucket by a
 * balanced tree of CASE comparisons, about six per row for sixty boundaries (one SUM(CASE) per
 * boundary took 5 s for 300,000 contacts); the buckets are added up here.
 */
export async function countCreatedBefore(db: Db, table: keyof typeof tables, boundaries: Date[]): Promise<CreatedCounts> {
  const sorted = [...new Set(boundaries.map((b) => b.getTime()))].sort((a, b) => a - b).map((ms) => new Date(ms));
  // The subquery lets PostgreSQL group by the alias; grouping by an expression with parameters it refuses.
  const rows = await db.$queryRaw<{ bucket: bigint | number; n: bigint | number }[]>(Prisma.sql`
    SELECT s."bucket", COUNT(*) AS "n" FROM (SELECT ${bucketOf(sorted, 0, sorted.length)} AS "bucket" FROM ${tables[table]}) s GROUP BY s."bucket"`);
  // perBucket[k]: rows with exactly k boundaries at or before their createdAt.
  const perBucket = new Array<number>(sorted.length + 1).fill(0);
  for (const row of rows) perBucket[Number(row.bucket)] = Number(row.n);
  const beforeSorted: number[] = [];
  let running = 0;
  for (let i = 0; i < sorted.length; i++) {
    running += perBucket[i] ?? 0;
    beforeSorted.push(running);
  }
  const total = perBucket.reduce((sum, n) => sum + n, 0);
  return { total, before: boundaries.map((b) => beforeSorted[sorted.findIndex((s) => s.getTime() === b.getTime())] ?? 0) };
}

/** How many of sorted[lo..hi) are at or before "createdAt", found by halving. */
function bucketOf(sorted: Date[], lo: number, hi: number): Prisma.Sql {
  if (lo >= hi) return Prisma.raw(String(lo));
  const mid = Math.floor((lo + hi) / 2);
  return Prisma.sql`CASE WHEN "createdAt" < ${sorted[mid]} THEN ${bucketOf(sorted, lo, mid)} ELSE ${bucketOf(sorted, mid + 1, hi)} END`;
}
