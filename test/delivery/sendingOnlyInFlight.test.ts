// A row is `sending` from the statement that marks it until its answer is written; a crash in
// between leaves it uncertain. So it must be marked right before its own request leaves: any row
// marked earlier would become an "uncertain" that never reached the platform.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "../../src/db/client.js";
import { createChannelLimiter } from "../../src/delivery/createChannelLimiter.js";
import { createDispatcher } from "../../src/delivery/createDispatcher.js";
import { createTestDatabase, type TestDatabase } from "../support/createTestDatabase.js";
import { createVirtualClock } from "./support/createVirtualClock.js";
import { recordingSender } from "./support/recordingSender.js";
import { addBroadcast, addContact, queueDeliveries, renderForTest, silentLogger, statusCounts } from "./support/seedCampaign.js";

// The statements that mark rows sending, seen in the dispatcher's own event order (a snapshot
// taken on another connection may be answered before the marking statement).
const marked = vi.hoisted(() => ({ watch: undefined as ((rows: { id: string }[]) => void) | undefined }));
vi.mock("../../src/db/queryDirect.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/db/queryDirect.js")>();
  return {
    queryDirect: async (db: Parameters<typeof original.queryDirect>[0], sql: Parameters<typeof original.queryDirect>[1]) => {
      const rows = await original.queryDirect<{ id: string }>(db, sql);
      if (sql.sql.includes(`SET "status" = 'sending'`)) marked.watch?.(rows);
      return rows;
    },
  };
});

let t: TestDatabase;
let db: Database;

beforeEach(async () => {
  t = await createTestDatabase();
  db = t.db;
});

afterEach(async () => {
  await t.close();
});

describe("marking a delivery sending", () => {
  // Up to 50 msg/s one message per paced slot; at 1000 msg/s slices of 20 are marked in one statement and leave together.
  it.each([
    { perSecond: 30, contacts: 8 },
    { perSecond: 50, contacts: 8 },
    { perSecond: 1000, contacts: 45 },
  ])("at $perSecond msg/s, a row is marked only once every row marked before it has left", async ({ perSecond, contacts }) => {
    const ids: string[] = [];
    for (let n = 0; n < contacts; n++) ids.push(await addContact(db, { telegram: String(7000 + n) }));
    const broadcast = await addBroadcast(db);
    await queueDeliveries(db, broadcast, ids);
    // Rows the dispatcher knows are marked sending and has not sent yet: what a SIGKILL now would
    // leave uncertain although their request never left.
    const markedNotLeft = new Set<string>();
    const waitingWhenMarked: string[][] = [];
    marked.watch = (rows) => {
      waitingWhenMarked.push([...markedNotLeft]);
      for (const row of rows) markedNotLeft.add(row.id);
    };
    const deliveryOfContact = new Map((await db.delivery.findMany()).map((d) => [d.contactId, d.id]));
    const idOfChat = new Map((await db.channelIdentity.findMany()).map((i) => [i.externalId, deliveryOfContact.get(i.contactId)!]));
    const telegram = recordingSender("telegram", (externalId) => void markedNotLeft.delete(idOfChat.get(externalId)!));
    const limiter = createChannelLimiter({ perSecond, perChatPerSecond: 1 });
    const dispatcher = createDispatcher({
      db,
      senders: { telegram: telegram.sender },
      limiters: { telegram: limiter },
      clock: createVirtualClock("2029-01-10T03:00:00Z").date,
      workerId: "w1",
      renderBroadcast: renderForTest,
      logger: silentLogger,
      defaultTimeZone: "Asia/Jakarta",
      batchSize: contacts,
    });

    await dispatcher.runOnce();
    await limiter.stop();

    expect(await statusCounts(db, broadcast)).toEqual({ sent: contacts });
    expect(waitingWhenMarked.length).toBeGreaterThan(1);
    expect(waitingWhenMarked.flat()).toEqual([]);
  });
});
