import { Prisma, type Db } from "../../db/client.js";
import { dialectOf } from "../../db/dialect.js";
import { executeWithBegin } from "../../db/queryDirect.js";

/**
 * Holds one person's conversation for the rest of the turn's transaction. Within a process the
 * engine already runs a person's turns one at a time; behind a load balancer two webhook
 * receivers may get the same person's messages at once, and on PostgreSQL this lock keeps their
 * turns in order instead of letting both read the same state. SQLite has one writer at a time.
 */
export async function lockConversation(tx: Db, channel: string, externalId: string): Promise<void> {
  if (dialectOf(tx) !== "postgresql") return;
  // The turn's first statement: it goes out with the transaction's BEGIN.
  await executeWithBegin(tx, Prisma.sql`SELECT pg_advisory_xact_lock(hashtextextended(${`conversation:${channel}:${externalId}`}, 0))`);
}
