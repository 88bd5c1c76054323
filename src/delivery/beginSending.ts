import { Prisma, type Database } from "../db/client.js";
import type { DeliverySource } from "./decideDelivery.js";

/**
 * Written right before the platform call: from here on a crash means "maybe sent". One statement
 * both checks and claims, so nothing can change in between: the row is still claimed by this
 * worker (its lease was not lost while it waited in the rate limiter), its broadcast is still
 * sending or its task still open, the person has not said STOP or withdrawn consent, and has
 * not blocked this identity.
 * False means one of those failed; readSendCheck then says which.
 */
export async function beginSending(
  db: Database,
  id: string,
  workerId: string,
  target: { channel: string; externalId: string; consent: DeliverySource["consent"]; leaseUntil: Date; now: Date },
): Promise<boolean> {
  // Task messages rest on the latest volunteer_tasks answer, a reply only on there being no STOP.
  const consented =
    target.consent === "volunteer_tasks"
      ? Prisma.sql`(SELECT r."granted" FROM "ConsentRecord" r WHERE r."contactId" = c."id" AND r."purpose" = 'volunteer_tasks'
        ORDER BY r."recordedAt" DESC, r."id" DESC LIMIT 1) = TRUE`
      : target.consent === "updates"
        ? Prisma.sql`c."updatesConsent" = TRUE`
        : Prisma.sql`TRUE`;
  const updated = await db.$executeRaw`
    UPDATE "Delivery" SET "status" = 'sending', "channel" = ${target.channel}, "externalId" = ${target.externalId},
      "attempts" = "attempts" + 1, "leaseUntil" = ${target.leaseUntil}, "updatedAt" = ${target.now}
    WHERE "id" = ${id} AND "status" = 'claimed' AND "claimedBy" = ${workerId}
      AND ("Delivery"."broadcastId" IS NULL OR EXISTS (SELECT 1 FROM "Broadcast" b WHERE b."id" = "Delivery"."broadcastId" AND b."status" = 'sending'))
      AND ("Delivery"."taskId" IS NULL OR EXISTS (SELECT 1 FROM "Task" t WHERE t."id" = "Delivery"."taskId" AND t."status" = 'open'))
      AND EXISTS (SELECT 1 FROM "Contact" c WHERE c."id" = "Delivery"."contactId" AND c."optedOut" = FALSE AND ${consented})
      AND NOT EXISTS (SELECT 1 FROM "ChannelIdentity" i WHERE i."channel" = ${target.channel} AND i."externalId" = ${target.externalId} AND i."unreachableAt" IS NOT NULL)`;
  return updated === 1;
}
