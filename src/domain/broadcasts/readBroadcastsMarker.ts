import type { Db } from "../../db/client.js";

/**
 * A short reading that changes whenever the latest broadcasts, or any broadcast not finished yet,
 * change: one is made, its status moves (paused, completed...), or a delivery of it settles or is
 * held (the dispatcher counts up Broadcast.revision for what it moved, in any process). So both
 * the list of the latest and the page of an older one being sent again redraw. Reads Broadcast
 * rows only, never deliveries: as cheap at the start of a million-recipient broadcast as at its end.
 */
export async function readBroadcastsMarker(db: Db, latest = 20): Promise<string> {
  const rows = await db.$queryRaw<{ id: string; status: string; revision: number | bigint }[]>`
    SELECT b."id", b."status", b."revision"
    FROM "Broadcast" b
    WHERE b."status" IN ('sending', 'paused', 'scheduled')
      OR b."id" IN (SELECT l."id" FROM "Broadcast" l ORDER BY l."createdAt" DESC, l."id" DESC LIMIT ${latest})
    ORDER BY b."createdAt" DESC, b."id" DESC`;
  return rows.map((row) => `${row.id.slice(-6)}.${row.status}.${row.revision}`).join(",");
}
