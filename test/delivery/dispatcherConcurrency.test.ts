// Real time, real HTTP, real SQLite file: dispatchers sharing one database, and a clean stop.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTelegramBulkSender } from "../../src/channels/telegram/createTelegramBulkSender.js";
import { Prisma, type Database } from "../../src/db/client.js";
import { createChannelLimiter, type ChannelLimiter } from "../../src/delivery/createChannelLimiter.js";
import { createDispatcher } from "../../src/delivery/createDispatcher.js";
import { materializeDeliveries } from "../../src/domain/deliveries/materializeDeliveries.js";
import { startFakeBotApi, type FakeBotApi, TEST_BOT_TOKEN } from "../support/fakeBotApi.js";
import { createTestDatabase, type TestDatabase } from "../support/createTestDatabase.js";
import { addBroadcast, renderForTest, silentLogger, statusCounts } from "./support/seedCampaign.js";
import { seedContacts } from "./support/seedContacts.js";

const TOKEN = TEST_BOT_TOKEN;

let t: TestDatabase;
let api: FakeBotApi;
const limiters: ChannelLimiter[] = [];

beforeEach(async () => {
  t = await createTestDatabase();
});

afterEach(async () => {
  for (const limiter of limiters.splice(0)) await limiter.stop();
  await api.close();
  await t.close();
});

function dispatcherOn(db: Database, workerId: string, batchSize: number) {
  const limiter = createChannelLimiter({ perSecond: 2000, perChatPerSecond: 1, maxInFlight: 8 });
  limiters.push(limiter);
  return createDispatcher({
    db,
    senders: { telegram: createTelegramBulkSender({ token: TOKEN, apiRoot: api.url }) },
    limiters: { telegram: limiter },
    clock: () => new Date(),
    workerId,
    renderBroadcast: renderForTest,
    logger: silentLogger,
    defaultTimeZone: "Asia/Jakarta",
    quietHours: null,
    batchSize,
    pollIntervalMs: 20,
    sweepIntervalMs: 100,
  });
}

async function broadcastTo(count: number): Promise<{ broadcast: string; chats: string[] }> {
  const chats = await seedContacts(t.url, { count });
  const broadcast = await addBroadcast(t.db);
  await materializeDeliveries(t.db, broadcast, Prisma.sql`TRUE`, new Date(Date.now() - 1000));
  return { broadcast, chats };
}

async function waitUntilSettled(db: Database, broadcast: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await db.delivery.count({ where: { broadcastId: broadcast, status: { in: ["queued", "claimed", "sending"] } } })) > 0) {
    if (Date.now() > deadline) throw new Error(`not settled: ${JSON.stringify(await statusCounts(db, broadcast))}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("dispatchers sharing a database", () => {
  it("two dispatchers on two connections to one SQLite file never send the same delivery", async () => {
    api = await startFakeBotApi({ latencyMs: 2 });
    const { broadcast, chats } = await broadcastTo(400);
    const other = await t.connect();
    const a = dispatcherOn(t.db, "a", 7);
    const b = dispatcherOn(other, "b", 7);

    await Promise.all([a.start(), b.start()]);
    await waitUntilSettled(t.db, broadcast);
    await Promise.all([a.stop(), b.stop()]);

    const delivered = api.deliveredByChat();
    expect(delivered.size).toBe(400);
    expect(Math.max(...delivered.values())).toBe(1);
    expect(api.calls("sendMessage")).toHaveLength(400);
    expect(new Set(api.calls("sendMessage").map((r) => String(r.body.chat_id)))).toEqual(new Set(chats));
    expect(await statusCounts(t.db, broadcast)).toEqual({ sent: 400 });
    // Both did real work, so the test says something about contention.
    const byWorker = await t.db.delivery.groupBy({ by: ["claimedBy"], where: { broadcastId: broadcast }, _count: true });
    expect(byWorker.map((w) => w.claimedBy).sort()).toEqual(["a", "b"]);
    expect(Math.min(...byWorker.map((w) => w._count))).toBeGreaterThan(20);
  });

  it("stop() lets the sends in flight finish, gives back the rest, and sends nothing afterwards", async () => {
    api = await startFakeBotApi({ latencyMs: 150 });
    const { broadcast } = await broadcastTo(60);
    const worker = dispatcherOn(t.db, "w", 30);
    await worker.start();
    await api.waitFor((requests) => requests.filter((r) => r.method === "sendMessage").length >= 5);

    await worker.stop();

    const counts = await statusCounts(t.db, broadcast);
    expect(counts.sending ?? 0).toBe(0);
    expect(counts.claimed ?? 0).toBe(0);
    expect(counts.sent).toBeGreaterThanOrEqual(5);
    expect(counts.sent! + counts.queued!).toBe(60);
    // Every call that started was answered and recorded, and no call started after stop().
    const callsAtStop = api.calls("sendMessage").length;
    expect(callsAtStop).toBe(counts.sent);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.calls("sendMessage")).toHaveLength(callsAtStop);
    const released = await t.db.delivery.findMany({ where: { broadcastId: broadcast, status: "queued" } });
    expect(released.every((d) => d.claimedBy === null && d.attempts === 0)).toBe(true);
  });
});
