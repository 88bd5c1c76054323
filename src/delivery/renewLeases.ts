import { Prisma, type Database } from "../db/client.js";

/** A live worker keeps the rows it holds; only a worker that stopped renewing loses them to recovery. */
export async function renewLeases(db: Database, workerId: string, ids: readonly string[], leaseUntil: Date, now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  return db.$executeRaw`
    UPDATE "Delivery" SET "leaseUntil" = ${leaseUntil}, "updatedAt" = ${now}
    WHERE "id" IN (${Prisma.join(ids)}) AND "claimedBy" = ${workerId} AND "status" IN ('claimed', 'sending')`;
}
