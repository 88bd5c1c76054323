import { Prisma, type Database } from "../db/client.js";
import type { SentAs } from "./types.js";

export type SendingResult =
  | { status: "sent"; platformMessageId?: string; sentAs?: SentAs }
  | { status: "failed" | "skipped" | "uncertain"; reason: string }
  /** Try again from `notBefore`. `countsAsAttempt: false` (a 429) gives the attempt back. */
  | { status: "queued"; reason: string; notBefore: Date; countsAsAttempt: boolean };

/**
 * Records what the platform said about a row this worker was sending. A row that recovery
 * already marked `uncertain` (our lease ran out mid-call) still takes the real answer.
 */
export async function settleSending(db: Database, id: string, workerId: string, result: SendingResult, now: Date): Promise<boolean> {
  const owned = Prisma.sql`"id" = ${id} AND "claimedBy" = ${workerId} AND "status" IN ('sending', 'uncertain')`;
  let set: Prisma.Sql;
  switch (result.status) {
    case "sent":
      set = Prisma.sql`"status" = 'sent', "reason" = NULL, "platformMessageId" = ${result.platformMessageId ?? null},
        "sentAs" = ${result.sentAs ?? null}, "sentAt" = ${now}`;
      break;
    case "queued":
      set = Prisma.sql`"status" = 'queued', "reason" = ${result.reason}, "notBefore" = ${result.notBefore},
        "attempts" = "attempts" - ${result.countsAsAttempt ? 0 : 1}, "claimedBy" = NULL`;
      break;
    default:
      set = Prisma.sql`"status" = ${result.status}, "reason" = ${result.reason}`;
  }
  const updated = await db.$executeRaw`UPDATE "Delivery" SET ${set}, "leaseUntil" = NULL, "updatedAt" = ${now} WHERE ${owned}`;
  return updated === 1;
}
