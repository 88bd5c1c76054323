import type { Db } from "../../db/client.js";

/**
 * A short reading that changes whenever the latest broadcasts, or any broadcast not finished yet,
 * change: one is made, its status moves (paused, completed...), or a delivery of a sending one
 * settles or is held (or of a paused one: the sends under way when it was paused still settle). So both the list of the latest and the page of an older one being sent again
 * redraw. Cheap enough to read every second: the unsettled deliveries of sending broadcasts only,
 * through the (broadcastId, status) index.
 */
export async function readBroadcastsMarker(db: Db, latest = 20): Promise<string> {
  const rows = await db.$queryRaw<{ id: string; status: string; waiting: number | bigint | null; held: number | bigint | null }[]>`
    SELECT b."id", b."status",
      CASE WHEN b."status" IN ('sending', 'paused') THEN (SELECT COUNT(*) FROM "Delivery" d WHERE d."broadcastId" = b."id" AND d."status" IN ('queued', 'claimed', 'sending')) END AS "waiting",
      CASE WHEN b."status" = 'sending' THEN (SELECT COUNT(*) FROM "Delivery" d WHERE d."broadcastId" = b."id" AND d."status" = 'queued' AND d."reason" IS NOT NULL) END AS "held"
    FROM "Broadcast" b
    WHERE b."status" IN ('sending', 'paused', 'scheduled')
      OR b."id" IN (SELECT l."id" FROM "Broadcast" l ORDER BY l."createdAt" DESC, l."id" DESC LIMIT ${latest})
    ORDER BY b."createdAt" DESC, b."id" DESC`;
  return rows.map((row) => `${row.id.slice(-6)}.${row.status}.${row.waiting ?? ""}.${row.held ?? ""}`).join(",");
}
