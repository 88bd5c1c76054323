// N consenting contacts, each with a Telegram chat, and a draft broadcast to all of them, written
// in a few set-based statements (10,000 contacts in well under a second). Sending it goes through
// the same domain call as `npx relawan broadcast send`.
import type { Database } from "../../../src/db/client.js";
import { createBroadcast } from "../../../src/domain/broadcasts/createBroadcast.js";
import { sendBroadcast } from "../../../src/domain/broadcasts/sendBroadcast.js";

export interface SeededBroadcast {
  broadcastId: string;
  /** Every contact's Telegram chat id, by contact id. */
  chatOf: Map<string, string>;
  /** Queues the deliveries and sets the broadcast sending, as `broadcast send <id>` does; returns the recipients. */
  send(): Promise<number>;
}

const FIRST_CHAT_ID = 500_000_000;

export async function seedBroadcast(db: Database, count: number): Promise<SeededBroadcast> {
  const now = new Date();
  await db.$executeRaw`
    INSERT INTO "Contact" ("id", "language", "regionCode", "optedOut", "updatesConsent", "createdAt", "lastActiveAt")
    SELECT 'scale_' || n, CASE WHEN n % 5 = 0 THEN 'en' ELSE 'id' END, '32.73', FALSE, TRUE, ${now}, ${now}
    FROM generate_series(1, ${count}::int) AS n`;
  await db.$executeRaw`
    INSERT INTO "ChannelIdentity" ("id", "contactId", "channel", "externalId", "createdAt")
    SELECT 'scale_tg_' || n, 'scale_' || n, 'telegram', (${FIRST_CHAT_ID}::bigint + n)::text, ${now}
    FROM generate_series(1, ${count}::int) AS n`;
  // The consent history the bot would have written when each person said yes.
  await db.$executeRaw`
    INSERT INTO "ConsentRecord" ("id", "contactId", "purpose", "granted", "textKey", "textVersion", "language", "channel", "source", "recordedAt")
    SELECT 'scale_consent_' || n, 'scale_' || n, 'updates', TRUE, 'consent.updates.question', '1', 'id', 'telegram', 'conversation', ${now}
    FROM generate_series(1, ${count}::int) AS n`;
  const segment = await db.segment.create({ data: { name: `scale ${now.toISOString()}`, definition: JSON.stringify({ channel: "telegram" }), createdBy: "scale-test" } });
  const created = await db.$transaction((tx) =>
    createBroadcast(tx, {
      texts: { id: "Rapat relawan Sabtu 19.00 di posko.", en: "Volunteer meeting Saturday 19:00 at the post." },
      defaultLanguage: "id",
      segmentId: segment.id,
      operational: false,
      draft: true,
      createdBy: "scale-test",
      now,
    }),
  );
  if (created.status !== "created") throw new Error(`the broadcast was not created: ${created.status}`);
  const identities = await db.channelIdentity.findMany({ where: { channel: "telegram" }, select: { contactId: true, externalId: true } });
  return {
    broadcastId: created.id,
    chatOf: new Map(identities.map((i) => [i.contactId, i.externalId])),
    async send() {
      const sent = await db.$transaction((tx) => sendBroadcast(tx, { ref: created.id, actor: "scale-test", now: new Date() }), { timeout: 60_000 });
      if (sent.status !== "sent") throw new Error(`the broadcast was not sent: ${sent.status}`);
      return sent.recipients;
    },
  };
}

/** Rows of the broadcast by status. */
export async function statusCounts(db: Database, broadcastId: string): Promise<Record<string, number>> {
  const rows = await db.delivery.groupBy({ by: ["status"], where: { broadcastId }, _count: true });
  return Object.fromEntries(rows.map((r) => [r.status, r._count]));
}

/** Waits until no row of the broadcast is queued, claimed or sending any more. */
export async function waitUntilSettled(db: Database, broadcastId: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await db.delivery.count({ where: { broadcastId, status: { in: ["queued", "claimed", "sending"] } } });
    if (open === 0) return;
    if (Date.now() > deadline) throw new Error(`broadcast not settled after ${timeoutMs} ms: ${JSON.stringify(await statusCounts(db, broadcastId))}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
