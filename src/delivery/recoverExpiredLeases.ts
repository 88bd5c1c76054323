import type { Database } from "../db/client.js";

/**
 * After a crash: rows a dead worker claimed but never started are safe to queue again; rows it
 * was sending may or may not have reached the platform, so they become `uncertain` and are never
 * retried. A live worker renews its leases, so only the dead lose theirs.
 */
export async function recoverExpiredLeases(db: Database, now: Date): Promise<{ requeued: number; uncertain: number }> {
  const requeued = await db.$executeRaw`
    UPDATE "Delivery" SET "status" = 'queued', "claimedBy" = NULL, "leaseUntil" = NULL, "updatedAt" = ${now}
    WHERE "status" = 'claimed' AND "leaseUntil" < ${now}`;
  const uncertain = await db.$executeRaw`
    UPDATE "Delivery" SET "status" = 'uncertain', "reason" = 'interrupted', "leaseUntil" = NULL, "updatedAt" = ${now}
    WHERE "status" = 'sending' AND "leaseUntil" < ${now}`;
  return { requeued, uncertain };
}
