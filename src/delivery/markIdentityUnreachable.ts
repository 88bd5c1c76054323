import type { Database } from "../db/client.js";

/** The platform said this person blocked us or is gone; writing to us again clears it (findOrCreateContact). */
export async function markIdentityUnreachable(db: Database, channel: string, externalId: string, at: Date): Promise<void> {
  await db.channelIdentity.updateMany({ where: { channel, externalId, unreachableAt: null }, data: { unreachableAt: at } });
}
