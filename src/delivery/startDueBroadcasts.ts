import type { Database } from "../db/client.js";

/** Scheduled broadcasts whose time has come start sending; returns how many started. */
export async function startDueBroadcasts(db: Database, now: Date): Promise<number> {
  return db.$executeRaw`
    UPDATE "Broadcast" SET "status" = 'sending', "startedAt" = COALESCE("startedAt", ${now})
    WHERE "status" = 'scheduled' AND "scheduledAt" <= ${now}`;
}
