import type { Database } from "../../db/client.js";

/** Gives the lease up at a clean stop, so the next process need not wait for it to expire. */
export async function releaseProcessLease(db: Database, name: string, holder: string): Promise<void> {
  await db.$executeRaw`DELETE FROM "ProcessLease" WHERE "name" = ${name} AND "holder" = ${holder}`;
}
