import { Prisma, type Database } from "../db/client.js";

export interface ClaimedDelivery {
  id: string;
  /** "broadcast" | "task_offer" | "task_reminder" | "inbox_reply" */
  kind: string;
  broadcastId: string | null;
  taskId: number | null;
  contactId: string | null;
  attempts: number;
  /** One-off rows carry their message; broadcast rows take it from the broadcast. */
  text: string | null;
  choices: string | null;
  imageUrl: string | null;
  purpose: string | null;
}

export interface Claim {
  workerId: string;
  now: Date;
  leaseMs: number;
  limit: number;
}

/**
 * Takes up to `limit` due deliveries (of sending broadcasts, or one-off messages) for one worker,
 * in one statement, so two dispatchers on one database never hold the same row. The outer
 * `status = 'queued'` is what keeps PostgreSQL honest under READ COMMITTED: a row another worker
 * claimed between our subquery and our update is re-checked and dropped (a later issue adds
 * FOR UPDATE SKIP LOCKED).
 */
export async function claimDeliveries(db: Database, claim: Claim): Promise<ClaimedDelivery[]> {
  const leaseUntil = new Date(claim.now.getTime() + claim.leaseMs);
  // Ordered by notBefore alone: the (status, notBefore) index then yields rows in order and the
  // LIMIT stops early; a tie-breaker would sort every due row of a million-row broadcast.
  const rows = await db.$queryRaw<(Omit<ClaimedDelivery, "attempts" | "taskId"> & { attempts: number | bigint; taskId: number | bigint | null })[]>(Prisma.sql`
    UPDATE "Delivery"
    SET "status" = 'claimed', "claimedBy" = ${claim.workerId}, "leaseUntil" = ${leaseUntil}, "updatedAt" = ${claim.now}
    WHERE "status" = 'queued' AND "id" IN (
      SELECT d."id" FROM "Delivery" d
      WHERE d."status" = 'queued' AND d."notBefore" <= ${claim.now}
        AND (d."broadcastId" IS NULL OR EXISTS (SELECT 1 FROM "Broadcast" b WHERE b."id" = d."broadcastId" AND b."status" = 'sending'))
      ORDER BY d."notBefore"
      LIMIT ${claim.limit}
    )
    RETURNING "id", "kind", "broadcastId", "taskId", "contactId", "attempts", "text", "choices", "imageUrl", "purpose"`);
  return rows.map((row) => ({ ...row, attempts: Number(row.attempts), taskId: row.taskId === null ? null : Number(row.taskId) }));
}
