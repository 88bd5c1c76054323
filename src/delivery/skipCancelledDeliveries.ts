import type { Database } from "../db/client.js";

/**
 * A cancelled broadcast's or a closed task's queued rows are closed in one statement each
 * rather than claimed one by one.
 */
export async function skipCancelledDeliveries(db: Database, now: Date): Promise<number> {
  const broadcasts = await db.$executeRaw`
    UPDATE "Delivery" SET "status" = 'skipped', "reason" = 'cancelled', "claimedBy" = NULL, "leaseUntil" = NULL, "updatedAt" = ${now}
    WHERE "status" = 'queued' AND "broadcastId" IN (SELECT "id" FROM "Broadcast" WHERE "status" = 'cancelled')`;
  const tasks = await db.$executeRaw`
    UPDATE "Delivery" SET "status" = 'skipped', "reason" = 'task_closed', "claimedBy" = NULL, "leaseUntil" = NULL, "updatedAt" = ${now}
    WHERE "status" = 'queued' AND "taskId" IN (SELECT "id" FROM "Task" WHERE "status" = 'closed')`;
  return broadcasts + tasks;
}
