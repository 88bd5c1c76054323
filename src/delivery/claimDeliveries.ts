import { Prisma, type Database } from "../db/client.js";

export interface ClaimedDelivery {
  id: string;
  broadcastId: string;
  contactId: string | null;
  attempts: number;
}

export interface Claim {
  workerId: string;
  now: Date;
  leaseMs: number;
  limit: number;
}

/**
 * Takes up to `limit` due deliveries of sending broadcasts for one worker, in one statement, so
 * two dispatchers on one database never hold the same row. The outer `status = 'queued'` is
 * what keeps PostgreSQL honest under READ COMMITTED: a row another worker claimed between our
 * subquery and our update is re-checked and dropped (a later issue adds FOR UPDATE SKIP LOCKED).
 */
export async function claimDeliveries(db: Database, claim: Claim): Promise<ClaimedDelivery[]> {
  const leaseUntil = new Date(claim.now.getTime() + claim.leaseMs);
  // Ordered by notBefore alone: the (status, notBefore) index then yields rows in order and the
  // LIMIT stops early; a tie-breaker would sort every due row of a million-row broadcast.
  const rows = await db.$queryRaw<{ id: string; broadcastId: string; contactId: string | null; attempts: number | bigint }[]>(Prisma.sql`
    UPDATE "Delivery"
    SET "status" = 'claimed', "claimedBy" = ${claim.workerId}, "leaseUntil" = ${leaseUntil}, "updatedAt" = ${claim.now}
    WHERE "status" = 'queued' AND "id" IN (
      SELECT d."id" FROM "Delivery" d
      WHERE d."status" = 'queued' AND d."notBefore" <= ${claim.now}
        AND EXISTS (SELECT 1 FROM "Broadcast" b WHERE b."id" = d."broadcastId" AND b."status" = 'sending')
      ORDER BY d."notBefore"
      LIMIT ${claim.limit}
    )
    RETURNING "id", "broadcastId", "contactId", "attempts"`);
  return rows.map((row) => ({ ...row, attempts: Number(row.attempts) }));
}
