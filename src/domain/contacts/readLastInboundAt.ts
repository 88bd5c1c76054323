import type { Database } from "../../db/client.js";

/** When the person last wrote to us on this channel identity (the engine records it every turn). */
export async function readLastInboundAt(db: Database, channel: string, externalId: string): Promise<Date | undefined> {
  const identity = await db.channelIdentity.findUnique({
    where: { channel_externalId: { channel, externalId } },
    select: { lastInboundAt: true },
  });
  return identity?.lastInboundAt ?? undefined;
}
