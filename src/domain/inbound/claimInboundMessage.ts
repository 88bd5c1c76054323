import type { Db } from "../../db/client.js";

/**
 * True the first time a platform message id is seen, false ever after: webhooks are
 * delivered at least once, and a retried delivery must not run the turn again.
 */
export async function claimInboundMessage(db: Db, channel: string, messageId: string, at: Date): Promise<boolean> {
  // ON CONFLICT DO NOTHING works the same on SQLite and PostgreSQL; the row count says who won.
  const inserted = await db.$executeRaw`INSERT INTO "InboundReceipt" ("channel", "messageId", "receivedAt") VALUES (${channel}, ${messageId}, ${at}) ON CONFLICT DO NOTHING`;
  return inserted === 1;
}
