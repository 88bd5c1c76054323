import type { Db } from "../../db/client.js";

/** Counts a message kept out of the inbox as gibberish: when and on which app, nothing of what it said. */
export async function recordJunkMessage(db: Db, junk: { channel: string; at: Date }): Promise<void> {
  await db.junkMessage.create({ data: { channel: junk.channel, createdAt: junk.at } });
}
