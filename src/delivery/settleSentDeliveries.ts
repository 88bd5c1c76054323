import { Prisma, type Database } from "../db/client.js";
import { jsonRows } from "../db/jsonRows.js";
import { queryDirect } from "../db/queryDirect.js";
import type { SentAs } from "./types.js";

/**
 * Records several rows the platform accepted, in one statement. A row that recovery already
 * marked `uncertain` (our lease ran out mid-call) still takes the real answer. Returns the ids updated.
 */
export async function settleSentDeliveries(
  db: Database,
  workerId: string,
  rows: readonly { id: string; platformMessageId?: string; sentAs?: SentAs }[],
  now: Date,
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  // The status as an expression: SQLite then walks the rows given, not the status index (see beginSending).
  const answers = jsonRows(db, ["id", "platformMessageId", "sentAs"], rows.map((row) => [row.id, row.platformMessageId ?? null, row.sentAs ?? null]));
  const updated = await queryDirect<{ id: string }>(db, Prisma.sql`
    UPDATE "Delivery" SET "status" = 'sent', "reason" = NULL, "platformMessageId" = v."platformMessageId", "sentAs" = v."sentAs", "sentAt" = ${now},
      "leaseUntil" = NULL, "updatedAt" = ${now}
    FROM ${answers} AS v
    WHERE "Delivery"."id" = v."id" AND "Delivery"."claimedBy" = ${workerId} AND "Delivery"."status" || '' IN ('sending', 'uncertain')
    RETURNING "Delivery"."id"`);
  return new Set(updated.map((row) => row.id));
}
