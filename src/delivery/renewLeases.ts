import { Prisma, type Database } from "../db/client.js";
import { dialectOf } from "../db/dialect.js";

/**
 * A live worker keeps the rows it holds; only a worker that stopped renewing loses them to recovery.
 *
 * On PostgreSQL the renewal skips the rows another statement has locked right now instead of waiting
 * for them. Those are this worker's own writes of a row it holds (marking it sending, which writes a
 * fresh lease, or recording the answer, which ends it), and they lock their rows in another order:
 * waiting for one while holding the rest deadlocked them (a paid broadcast lost three quarters of its
 * rate to aborted statements). A row skipped once is renewed a third of a lease later.
 */
export async function renewLeases(db: Database, workerId: string, ids: readonly string[], leaseUntil: Date, now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const held = Prisma.sql`"id" IN (${Prisma.join(ids)}) AND "claimedBy" = ${workerId} AND "status" IN ('claimed', 'sending')`;
  if (dialectOf(db) !== "postgresql") {
    return db.$executeRaw`UPDATE "Delivery" SET "leaseUntil" = ${leaseUntil}, "updatedAt" = ${now} WHERE ${held}`;
  }
  // MATERIALIZED picks and locks the rows once (see claimDeliveries); locked, they cannot change
  // before the update, so the ids are sent once.
  return db.$executeRaw`
    WITH "free" AS MATERIALIZED (SELECT "id" FROM "Delivery" WHERE ${held} FOR UPDATE SKIP LOCKED)
    UPDATE "Delivery" SET "leaseUntil" = ${leaseUntil}, "updatedAt" = ${now}
    WHERE "id" IN (SELECT "id" FROM "free")`;
}
