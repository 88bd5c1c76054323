import { Prisma, type Database } from "../db/client.js";
import { dialectOf } from "../db/dialect.js";

/**
 * A live worker keeps the rows it holds; only a worker that stopped renewing loses them to recovery.
 *
 * On PostgreSQL the renewal skips the rows another statement has locked right now instead of waiting
 * for them. Those are this worker's own writes of a row it holds (marking it sending, which writes a
 * fresh lease, or recording the answer, which ends it), and they lock their rows in another order:
 * waiting for one while holding the rest deadlocked them (a paid broadcast lost three quarters of its
 * rate to aborted statements). A row skipped once is renewed a third of a lease later. SQLite runs
 * one writer at a time, so nothing is held there while the renewal runs.
 */
export async function renewLeases(db: Database, workerId: string, ids: readonly string[], leaseUntil: Date, now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const skipLocked = dialectOf(db) === "postgresql" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  // MATERIALIZED picks (and on PostgreSQL locks) the rows once, as in claimDeliveries; locked, they
  // cannot change before the update.
  return db.$executeRaw`
    WITH "free" AS MATERIALIZED (
      SELECT "id" FROM "Delivery" WHERE "id" IN (${Prisma.join(ids)}) AND "claimedBy" = ${workerId} AND "status" IN ('claimed', 'sending')
      ${skipLocked}
    )
    UPDATE "Delivery" SET "leaseUntil" = ${leaseUntil}, "updatedAt" = ${now}
    WHERE "id" IN (SELECT "id" FROM "free")`;
}
