import type { Database } from "../../db/client.js";

/** A message the bot wanted to start but must not send (e.g. outside WhatsApp's 24-hour window). */
export async function recordUnsentDelivery(
  db: Database,
  unsent: { channel: string; externalId: string; text: string; reason: string; at: Date },
): Promise<void> {
  const identity = await db.channelIdentity.findUnique({
    where: { channel_externalId: { channel: unsent.channel, externalId: unsent.externalId } },
    select: { contactId: true },
  });
  await db.delivery.create({
    data: {
      contactId: identity?.contactId ?? null,
      channel: unsent.channel,
      externalId: unsent.externalId,
      text: unsent.text,
      // Not a broadcast row: the funnel and reports count those by their broadcast.
      kind: "notice",
      status: "skipped",
      reason: unsent.reason,
      createdAt: unsent.at,
    },
  });
}
