import { Prisma } from "../../db/client.js";

export type SendPurpose = "updates" | "volunteer_tasks";

/** Why someone in a segment cannot receive a broadcast, in the order the checks apply. */
export type UnreachableReason = "opted_out" | "no_consent" | "no_account" | "blocked";

/**
 * Who may receive a broadcast at all: never after STOP, only with a yes to the consent the
 * message rests on, and only with an identity the platform has not reported as blocked or gone.
 * Campaign broadcasts rest on "updates" (Contact.updatesConsent); volunteers' operational
 * messages on their latest "volunteer_tasks" answer, as the dispatcher checks before sending.
 * Whether an identity can be reached is Contact.reach: "reachable" exactly when one of their
 * ChannelIdentity rows has no unreachableAt, kept so by the database's triggers on that table
 * (migration contact_reach), so a million members are not each looked up among their identities.
 */
export function sendableWhereSql(purpose: SendPurpose = "updates"): Prisma.Sql {
  return Prisma.sql`(c."optedOut" = FALSE AND ${consentSql(purpose)} AND c."reach" = 'reachable')`;
}

/** The same checks as sendableWhereSql, naming the first that fails ('sendable' when none does). */
export function reachReasonSql(purpose: SendPurpose = "updates"): Prisma.Sql {
  return Prisma.sql`CASE
    WHEN c."optedOut" = TRUE THEN 'opted_out'
    WHEN NOT COALESCE(${consentSql(purpose)}, FALSE) THEN 'no_consent'
    WHEN c."reach" = 'no_account' THEN 'no_account'
    WHEN c."reach" <> 'reachable' THEN 'blocked'
    ELSE 'sendable' END`;
}

function consentSql(purpose: SendPurpose): Prisma.Sql {
  return purpose === "updates"
    ? Prisma.sql`c."updatesConsent" = TRUE`
    : Prisma.sql`(SELECT rcr."granted" FROM "ConsentRecord" rcr WHERE rcr."contactId" = c."id" AND rcr."purpose" = 'volunteer_tasks' ORDER BY rcr."recordedAt" DESC, rcr."id" DESC LIMIT 1) = TRUE`;
}
