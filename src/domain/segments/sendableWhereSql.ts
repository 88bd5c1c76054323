import { Prisma } from "../../db/client.js";

export type SendPurpose = "updates" | "volunteer_tasks";

/** Why someone in a segment cannot receive a broadcast, in the order the checks apply. */
export type UnreachableReason = "opted_out" | "no_consent" | "no_account" | "blocked";

/**
 * Who may receive a broadcast at all: never after STOP, only with a yes to the consent the
 * message rests on, and only with an identity the platform has not reported as blocked or gone.
 * Campaign broadcasts rest on "updates" (Contact.updatesConsent); volunteers' operational
 * messages on their latest "volunteer_tasks" answer, as the dispatcher checks before sending.
 */
export function sendableWhereSql(purpose: SendPurpose = "updates"): Prisma.Sql {
  return Prisma.sql`(c."optedOut" = FALSE AND ${consentSql(purpose)} AND EXISTS (SELECT 1 FROM "ChannelIdentity" rci WHERE rci."contactId" = c."id" AND rci."unreachableAt" IS NULL))`;
}

/** The same checks as sendableWhereSql, naming the first that fails ('sendable' when none does). */
export function reachReasonSql(purpose: SendPurpose = "updates"): Prisma.Sql {
  return Prisma.sql`CASE
    WHEN c."optedOut" = TRUE THEN 'opted_out'
    WHEN NOT COALESCE(${consentSql(purpose)}, FALSE) THEN 'no_consent'
    WHEN NOT EXISTS (SELECT 1 FROM "ChannelIdentity" rci WHERE rci."contactId" = c."id") THEN 'no_account'
    WHEN NOT EXISTS (SELECT 1 FROM "ChannelIdentity" rci WHERE rci."contactId" = c."id" AND rci."unreachableAt" IS NULL) THEN 'blocked'
    ELSE 'sendable' END`;
}

function consentSql(purpose: SendPurpose): Prisma.Sql {
  return purpose === "updates"
    ? Prisma.sql`c."updatesConsent" = TRUE`
    : Prisma.sql`(SELECT rcr."granted" FROM "ConsentRecord" rcr WHERE rcr."contactId" = c."id" AND rcr."purpose" = 'volunteer_tasks' ORDER BY rcr."recordedAt" DESC, rcr."id" DESC LIMIT 1) = TRUE`;
}
