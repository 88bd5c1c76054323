import { Prisma, type Database } from "../db/client.js";

/** Ends claimed rows that will not be sent (skipped, or failed before any attempt). Rows no longer ours are left alone. */
export async function closeClaimedDeliveries(
  db: Database,
  ids: readonly string[],
  workerId: string,
  close: { status: "skipped" | "failed"; reason: string; now: Date },
): Promise<number> {
  if (ids.length === 0) return 0;
  return db.$executeRaw`
    UPDATE "Delivery" SET "status" = ${close.status}, "reason" = ${close.reason}, "claimedBy" = NULL, "leaseUntil" = NULL, "updatedAt" = ${close.now}
    WHERE "id" IN (${Prisma.join(ids)}) AND "status" = 'claimed' AND "claimedBy" = ${workerId}`;
}
