import type { Db } from "../../db/client.js";

/** A short reading that changes whenever an inbox item arrives or leaves the open list (answered, closed). */
export async function readInboxMarker(db: Db): Promise<string> {
  const open = await db.inboxItem.count({ where: { status: "open" } });
  const newest = await db.inboxItem.aggregate({ _max: { id: true } });
  return `${open}.${newest._max.id ?? 0}`;
}
