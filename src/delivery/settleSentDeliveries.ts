import { Prisma, type Database } from "../db/client.js";

/**
 * Records several rows the platform accepted, in one statement. A row that recovery already
 * marked `uncertain` (our lease ran out mid-call) still takes the real answer. Returns the ids updated.
 */
export async function settleSentDeliveries(
  db: Database,
  workerId: string,
  rows: readonly { id: string; platformMessageId?: string }[],
  now: Date,
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const messageId = Prisma.sql`CASE "id" ${Prisma.join(
    rows.map((row) => Prisma.sql`WHEN ${row.id} THEN ${row.platformMessageId ?? null}`),
    " ",
  )} END`;
  const updated = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Delivery" SET "status" = 'sent', "reason" = NULL, "platformMessageId" = ${messageId}, "sentAt" = ${now},
      "leaseUntil" = NULL, "updatedAt" = ${now}
    WHERE "id" IN (${Prisma.join(rows.map((row) => row.id))}) AND "claimedBy" = ${workerId} AND "status" IN ('sending', 'uncertain')
    RETURNING "id"`;
  return new Set(updated.map((row) => row.id));
}
