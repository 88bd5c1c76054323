import { Prisma } from "../../db/client.js";

/**
 * Who may receive a broadcast at all: never after STOP, only with a yes to the consent the
 * message rests on, and only with an identity the platform has not reported as blocked or gone.
 * Campaign broadcasts rest on "updates" (Contact.updatesConsent); volunteers' operational
 * messages on their latest "volunteer_tasks" answer, as the dispatcher checks before sending.
 */
export function sendableWhereSql(purpose: "updates" | "volunteer_tasks" = "updates"): Prisma.Sql {
  const consent =
    purpose === "updates"
      ? Prisma.sql`c."updatesConsent" = TRUE`
      : Prisma.sql`(SELECT rcr."granted" FROM "ConsentRecord" rcr WHERE rcr."contactId" = c."id" AND rcr."purpose" = 'volunteer_tasks' ORDER BY rcr."recordedAt" DESC, rcr."id" DESC LIMIT 1) = TRUE`;
  return Prisma.sql`(c."optedOut" = FALSE AND ${consent} AND EXISTS (SELECT 1 FROM "ChannelIdentity" rci WHERE rci."contactId" = c."id" AND rci."unreachableAt" IS NULL))`;
}
