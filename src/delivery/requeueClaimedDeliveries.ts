import { Prisma, type Database } from "../db/client.js";

/**
 * Gives claimed rows back to the queue without an attempt: a paused broadcast (notBefore kept),
 * quiet hours or a blackout (notBefore = when sending may resume, reason says why), or a person
 * best reached on a channel another process sends (`channel` marks the row for it).
 */
export async function requeueClaimedDeliveries(
  db: Database,
  ids: readonly string[],
  workerId: string,
  requeue: { now: Date; notBefore?: Date; reason?: string | null; channel?: string },
): Promise<number> {
  if (ids.length === 0) return 0;
  const notBefore = requeue.notBefore ? Prisma.sql`${requeue.notBefore}` : Prisma.sql`"notBefore"`;
  const reason = requeue.reason === undefined ? Prisma.sql`"reason"` : Prisma.sql`${requeue.reason}`;
  const channel = requeue.channel === undefined ? Prisma.sql`"channel"` : Prisma.sql`${requeue.channel}`;
  return db.$executeRaw`
    UPDATE "Delivery" SET "status" = 'queued', "notBefore" = ${notBefore}, "reason" = ${reason}, "channel" = ${channel}, "claimedBy" = NULL, "leaseUntil" = NULL, "updatedAt" = ${requeue.now}
    WHERE "id" IN (${Prisma.join(ids)}) AND "status" = 'claimed' AND "claimedBy" = ${workerId}`;
}
