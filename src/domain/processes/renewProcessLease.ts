import type { Database } from "../../db/client.js";

/** Extends our lease; false when it is no longer ours (it expired and another process took it). */
export async function renewProcessLease(db: Database, name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  const renewed = await db.$executeRaw`
    UPDATE "ProcessLease" SET "leaseUntil" = ${new Date(now.getTime() + ttlMs)}
    WHERE "name" = ${name} AND "holder" = ${holder}`;
  return renewed === 1;
}
