import { Prisma, type Db } from "../../db/client.js";
import { queryDirectOrPrisma } from "../../db/queryDirect.js";

/**
 * True the first time a platform message id is seen, false ever after: webhooks are
 * delivered at least once, and a retried delivery must not run the turn again.
 */
export async function claimInboundMessage(db: Db, channel: string, messageId: string, at: Date): Promise<boolean> {
  // ON CONFLICT DO NOTHING works the same on SQLite and PostgreSQL; a row back says who won. Below
  // Prisma inside a turn's transaction (queryDirect): every message from a platform comes this way.
  const claimed = await queryDirectOrPrisma<{ claimed: number }>(
    db,
    Prisma.sql`INSERT INTO "InboundReceipt" ("channel", "messageId", "receivedAt") VALUES (${channel}, ${messageId}, ${at}) ON CONFLICT DO NOTHING RETURNING 1 AS "claimed"`,
  );
  return claimed.length === 1;
}
