import { Prisma, type Db } from "../db/client.js";
import { dialectOf } from "../db/dialect.js";
import { queryDirect } from "../db/queryDirect.js";

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
  /** Rows marked for these channels wait for a process that sends on them (see DeliveryRules.elsewhere). */
  leaveChannels?: readonly string[];
}

/**
 * Takes up to `limit` due deliveries (of sending broadcasts, or one-off messages) for one worker,
 * in one statement, so two dispatchers on one database never hold the same row. SQLite runs one
 * writer at a time. On PostgreSQL, FOR UPDATE SKIP LOCKED lets dispatchers claiming at the same
 * moment take different rows instead of queueing behind each other's; the outer
 * `status = 'queued'` still re-checks, under READ COMMITTED, a row another worker claimed
 * between our pick and our update.
 */
export async function claimDeliveries(db: Db, claim: Claim): Promise<ClaimedDelivery[]> {
  const leaseUntil = new Date(claim.now.getTime() + claim.leaseMs);
  const skipLocked = dialectOf(db) === "postgresql" ? Prisma.sql`FOR UPDATE OF d SKIP LOCKED` : Prisma.empty;
  const leave = claim.leaveChannels?.length ? Prisma.sql`AND (d."channel" IS NULL OR d."channel" NOT IN (${Prisma.join(claim.leaveChannels)}))` : Prisma.empty;
  // Ordered by notBefore alone: the (status, notBefore) index then yields rows in order and the
  // LIMIT stops early; a tie-breaker would sort every due row of a million-row broadcast.
  // MATERIALIZED picks the rows once: as an IN subquery, PostgreSQL may run the locking pick
  // again for every row it updates and so claim more than `limit`.
  const rows = await queryDirect<Omit<ClaimedDelivery, "attempts" | "taskId"> & { attempts: number | bigint; taskId: number | bigint | null }>(db, Prisma.sql`
    WITH "picked" AS MATERIALIZED (
      SELECT d."id" FROM "Delivery" d
      WHERE d."status" = 'queued' AND d."notBefore" <= ${claim.now} ${leave}
        AND (d."broadcastId" IS NULL OR EXISTS (SELECT 1 FROM "Broadcast" b WHERE b."id" = d."broadcastId" AND b."status" = 'sending'))
      ORDER BY d."notBefore"
      LIMIT ${claim.limit}
      ${skipLocked}
    )
    UPDATE "Delivery"
    SET "status" = 'claimed', "claimedBy" = ${claim.workerId}, "leaseUntil" = ${leaseUntil}, "updatedAt" = ${claim.now}
    WHERE "status" = 'queued' AND "id" IN (SELECT "id" FROM "picked")
    RETURNING "id", "kind", "broadcastId", "taskId", "contactId", "attempts", "text", "choices", "imageUrl", "purpose"`);
  return rows.map((row) => ({ ...row, attempts: Number(row.attempts), taskId: row.taskId === null ? null : Number(row.taskId) }));
}
