import type { Db } from "../../db/client.js";
import type { BroadcastFunnel } from "./types.js";

/** Every broadcast delivery by where it stands, from one GROUP BY over the outbox. */
export async function readBroadcastFunnel(db: Db): Promise<BroadcastFunnel> {
  const groups = await db.$queryRaw<{ status: string; reason: string | null; n: bigint | number }[]>`
    SELECT "status", "reason", COUNT(*) AS "n" FROM "Delivery" WHERE "broadcastId" IS NOT NULL GROUP BY "status", "reason"`;
  const funnel: BroadcastFunnel = { queued: 0, delivered: 0, failed: 0, blocked: 0, skipped: 0, uncertain: 0 };
  for (const group of groups) {
    const n = Number(group.n);
    switch (group.status) {
      case "queued":
      case "claimed":
      case "sending":
        funnel.queued += n;
        break;
      case "sent":
        funnel.delivered += n;
        break;
      case "failed":
        // A 403 is recorded as failed "blocked" (see delivery/toSendingResult.ts).
        if (group.reason === "blocked") funnel.blocked += n;
        else funnel.failed += n;
        break;
      case "skipped":
        // Skipped because an earlier 403 marked the identity unreachable: blocked all the same.
        if (group.reason === "unreachable") funnel.blocked += n;
        else funnel.skipped += n;
        break;
      case "uncertain":
        funnel.uncertain += n;
        break;
    }
  }
  return funnel;
}
