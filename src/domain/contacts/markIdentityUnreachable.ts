import type { Db } from "../../db/client.js";

/** The platform said this person blocked us or is gone; writing to us again clears it (findOrCreateContact). */
export async function markIdentityUnreachable(db: Db, channel: string, externalId: string, at: Date): Promise<void> {
  await db.channelIdentity.updateMany({ where: { channel, externalId, unreachableAt: null }, data: { unreachableAt: at } });
}
