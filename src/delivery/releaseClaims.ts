import type { Database } from "../db/client.js";

/** On shutdown: rows this worker claimed but never started go back to the queue for the next one. */
export async function releaseClaims(db: Database, workerId: string, now: Date): Promise<number> {
  return db.$executeRaw`
    UPDATE "Delivery" SET "status" = 'queued', "claimedBy" = NULL, "leaseUntil" = NULL, "updatedAt" = ${now}
    WHERE "claimedBy" = ${workerId} AND "status" = 'claimed'`;
}
