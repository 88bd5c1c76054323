import { Prisma, type Database } from "../db/client.js";
import { jsonRows } from "../db/jsonRows.js";
import { queryDirect } from "../db/queryDirect.js";
import type { DeliverySource } from "./decideDelivery.js";

export interface SendingTarget {
  id: string;
  externalId: string;
}

/**
 * Written right before the platform calls: from here on a crash means "maybe sent". One statement
 * both checks and claims each row, so nothing can change in between: the row is still claimed by
 * this worker (its lease was not lost while it waited in the rate limiter), its broadcast is still
 * sending or its task still open, the person has not said STOP or withdrawn consent, and has not
 * blocked the identity it is about to go to. Several rows of one channel and consent go in one
 * statement; the ids returned are those that passed. readSendCheck then says why the others failed.
 */
export async function beginSending(
  db: Database,
  workerId: string,
  rows: readonly SendingTarget[],
  group: { channel: string; consent: DeliverySource["consent"]; leaseUntil: Date; now: Date },
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  // Task messages rest on the latest volunteer_tasks answer, a reply only on there being no STOP.
  const consented =
    group.consent === "volunteer_tasks"
      ? Prisma.sql`(SELECT r."granted" FROM "ConsentRecord" r WHERE r."contactId" = c."id" AND r."purpose" = 'volunteer_tasks'
        ORDER BY r."recordedAt" DESC, r."id" DESC LIMIT 1) = TRUE`
      : group.consent === "updates"
        ? Prisma.sql`c."updatesConsent" = TRUE`
        : Prisma.sql`TRUE`;
  // Each row goes to its own chat: the ids and chats are one parameter, joined as a table. The
  // status is compared as an expression so that SQLite walks the rows given (one primary-key lookup
  // each) instead of every claimed row of the (status, notBefore) index, times the list.
  const targets = jsonRows(db, ["id", "externalId"], rows.map((row) => [row.id, row.externalId]));
  const updated = await queryDirect<{ id: string }>(db, Prisma.sql`
    UPDATE "Delivery" SET "status" = 'sending', "channel" = ${group.channel}, "externalId" = v."externalId",
      "attempts" = "attempts" + 1, "leaseUntil" = ${group.leaseUntil}, "updatedAt" = ${group.now}
    FROM ${targets} AS v
    WHERE "Delivery"."id" = v."id" AND "Delivery"."status" || '' = 'claimed' AND "Delivery"."claimedBy" = ${workerId}
      AND ("Delivery"."broadcastId" IS NULL OR EXISTS (SELECT 1 FROM "Broadcast" b WHERE b."id" = "Delivery"."broadcastId" AND b."status" = 'sending'))
      AND ("Delivery"."taskId" IS NULL OR EXISTS (SELECT 1 FROM "Task" t WHERE t."id" = "Delivery"."taskId" AND t."status" = 'open'))
      AND EXISTS (SELECT 1 FROM "Contact" c WHERE c."id" = "Delivery"."contactId" AND c."optedOut" = FALSE AND ${consented})
      AND NOT EXISTS (SELECT 1 FROM "ChannelIdentity" i WHERE i."channel" = ${group.channel} AND i."externalId" = v."externalId" AND i."unreachableAt" IS NOT NULL)
    RETURNING "Delivery"."id"`);
  return new Set(updated.map((row) => row.id));
}
