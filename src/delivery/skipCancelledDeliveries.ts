import type { Database } from "../db/client.js";

/** A cancelled broadcast's queued rows are closed in one statement rather than claimed one by one. */
export async function skipCancelledDeliveries(db: Database, now: Date): Promise<number> {
  return db.$executeRaw`
    UPDATE "Delivery" SET "status" = 'skipped', "reason" = 'cancelled', "claimedBy" = NULL, "leaseUntil" = NULL, "updatedAt" = ${now}
    WHERE "status" = 'queued' AND "broadcastId" IN (SELECT "id" FROM "Broadcast" WHERE "status" = 'cancelled')`;
}
