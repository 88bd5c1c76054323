// The Cloud API's one limiter (createWhatsAppCloudLimiter), as startChannels wires it: the channel's
// replies and the dispatcher's sends take turns under one rate, and Meta's "slow down" (130429) to
// either of them pauses both. Real HTTP to a fake Graph API, a real SQLite outbox, the real clock.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createWhatsAppBulkSender } from "../../src/channels/whatsapp/createWhatsAppBulkSender.js";
import type { Config } from "../../src/config.js";
import type { Database } from "../../src/db/client.js";
import type { ChannelLimiter } from "../../src/delivery/createChannelLimiter.js";
import { createDispatcher } from "../../src/delivery/createDispatcher.js";
import { createWhatsAppCloudLimiter } from "../../src/delivery/createWhatsAppCloudLimiter.js";
import { echo, recordingEngine } from "../channels/telegram/recordingEngine.js";
import { startCloudHarness, type CloudHarness } from "../channels/whatsapp/cloud/startCloudHarness.js";
import { createTestDatabase, type TestDatabase } from "../support/createTestDatabase.js";
import { graphErrors } from "../support/fakeGraphApi.js";
import { addBroadcast, addContact, deliveryOf, queueDeliveries, renderForTest, silentLogger } from "./support/seedCampaign.js";

const HOUR = 60 * 60 * 1000;

let t: TestDatabase;
let db: Database;
let cloud: CloudHarness | undefined;
let limiter: ChannelLimiter | undefined;
// When each request left for the Graph API, and to whom.
let sentAt: { to: string; at: number }[];

beforeEach(async () => {
  t = await createTestDatabase();
  db = t.db;
  sentAt = [];
});
afterEach(async () => {
  await cloud?.stop();
  await limiter?.stop();
  cloud = undefined;
  limiter = undefined;
  await t.close();
});

async function startCloud(ratePerSecond: number) {
  limiter = createWhatsAppCloudLimiter({ WHATSAPP_CLOUD_RATE: ratePerSecond, WHATSAPP_CLOUD_PHONE_NUMBER_ID: "106540352242922" } as Config, silentLogger);
  const timed: typeof globalThis.fetch = async (input, init) => {
    sentAt.push({ to: String((JSON.parse(String(init?.body)) as { to: unknown }).to), at: performance.now() });
    return globalThis.fetch(input, init);
  };
  cloud = await startCloudHarness({ engine: recordingEngine(echo), fetch: timed, limiter });
  const dispatcher = createDispatcher({
    db,
    senders: { whatsapp: createWhatsAppBulkSender(cloud.channel) },
    limiters: { whatsapp: limiter },
    clock: () => new Date(),
    renderBroadcast: renderForTest,
    logger: silentLogger,
    // The real clock: whatever the hour in Jakarta, these go now.
    quietHours: null,
    defaultTimeZone: "Asia/Jakarta",
    retry: { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 10_000 },
  });
  return { api: cloud.api, channel: cloud.channel, dispatcher, limiter };
}

/** A broadcast queued and due now to people who wrote two hours ago (inside the 24-hour window). */
async function queueBroadcast(numbers: string[], texts?: Record<string, string>): Promise<{ broadcast: string; ids: string[] }> {
  const ids: string[] = [];
  for (const whatsapp of numbers) ids.push(await addContact(db, { whatsapp, lastInboundAt: { whatsapp: new Date(Date.now() - 2 * HOUR) } }));
  const due = new Date(Date.now() - 1000);
  const broadcast = await addBroadcast(db, { scheduledAt: due, ...(texts ? { texts } : {}) });
  await queueDeliveries(db, broadcast, ids, due);
  return { broadcast, ids };
}

const gaps = () => sentAt.slice(1).map((request, i) => request.at - sentAt[i]!.at);
// The most requests that left in any one second. The limiter counts each call from its turn until a second
// after its answer, so this holds however late a request leaves after its turn (a database write, a busy
// machine); the gap between two requests does not: a late one and a prompt one can be closer than 1/rate.
const mostInOneSecond = () => Math.max(0, ...sentAt.map(({ at }) => sentAt.filter((request) => request.at >= at && request.at < at + 1000).length));

describe("the Cloud API's one limiter", () => {
  it("a reply and a broadcast share one rate: the reply waits its turn, ahead of the broadcast's next message", async () => {
    const { api, channel, dispatcher } = await startCloud(2);
    await queueBroadcast(["6281200000001", "6281200000002"]);
    const run = dispatcher.runOnce();
    await api.waitFor((requests) => requests.length >= 1);
    const reply = channel.sendReply("6281299999999", { text: "Terima kasih!" });
    await Promise.all([run, reply]);
    // 2 msg/s: never three requests in one second, whoever sent them.
    expect(sentAt.map((request) => request.to)).toEqual(["6281200000001", "6281299999999", "6281200000002"]);
    expect(mostInOneSecond()).toBeLessThanOrEqual(2);
  });

  it("a broadcast too long for one request takes a turn for each of its requests, and its parts go out together", async () => {
    const { api, dispatcher } = await startCloud(2);
    // Over the Cloud API's 4096 characters of text: two requests for each person.
    const long = `${"Kabar kampanye minggu ini. ".repeat(100)}\n${"Jadwal relawan di posko. ".repeat(100)}`;
    await queueBroadcast(["6281200000001", "6281200000002"], { id: long });
    await dispatcher.runOnce();
    expect(api.sent().map((body) => [body.to, body.type])).toEqual([
      ["6281200000001", "text"],
      ["6281200000001", "text"],
      ["6281200000002", "text"],
      ["6281200000002", "text"],
    ]);
    // 2 requests a second: each part took a turn like any other request (in one turn, three left within a second).
    expect(mostInOneSecond()).toBeLessThanOrEqual(2);
  });

  it("Meta's 130429 to a broadcast pauses the channel's replies too, and the delivery waits without spending an attempt", async () => {
    const { api, channel, dispatcher, limiter } = await startCloud(80);
    const { broadcast, ids } = await queueBroadcast(["6281200000001"]);
    api.failNext({ status: 400, error: graphErrors.throughput(), headers: { "retry-after": "1" } });
    await dispatcher.runOnce();
    expect(limiter.pausedUntil()).toBeGreaterThan(Date.now() + 500);
    expect(await deliveryOf(db, broadcast, ids[0]!)).toMatchObject({ status: "queued", attempts: 0 });
    await channel.sendReply("6281299999999", { text: "Terima kasih!" });
    expect(sentAt.map((request) => request.to)).toEqual(["6281200000001", "6281299999999"]);
    // Retry-After: 1 s for the whole number, so the reply left about a second after the refusal.
    expect(gaps()[0]).toBeGreaterThanOrEqual(950);
    expect(api.sent()).toHaveLength(1);
  });

  it("Meta's 130429 to a reply pauses the broadcast too, and the reply is sent once more after the pause", async () => {
    const { api, channel, dispatcher, limiter } = await startCloud(80);
    await queueBroadcast(["6281200000001"]);
    api.failNext({ status: 429, error: graphErrors.throughput(), headers: { "retry-after": "1" } });
    const reply = channel.sendReply("6281299999999", { text: "Terima kasih!" });
    await api.waitFor((requests) => requests.length >= 1);
    await expect.poll(() => limiter.pausedUntil()).toBeGreaterThan(Date.now() + 500);
    await Promise.all([dispatcher.runOnce(), reply]);
    expect(sentAt.map((request) => request.to)).toEqual(["6281299999999", "6281299999999", "6281200000001"]);
    expect(sentAt[2]!.at - sentAt[0]!.at).toBeGreaterThanOrEqual(950);
    expect(api.sent().map((body) => body.to)).toEqual(["6281299999999", "6281200000001"]);
  });

  it("Meta's pair rate (131056) to a reply makes only that person wait, and pauses nobody else", async () => {
    const { api, channel, dispatcher, limiter } = await startCloud(80);
    await queueBroadcast(["6281200000001"]);
    api.failNext({ status: 400, error: graphErrors.pairRate() });
    await channel.sendReply("6281299999999", { text: "Terima kasih!" });
    expect(limiter.pausedUntil()).toBe(0);
    // The person's own wait (the harness's sleep records it), then the part takes another turn.
    expect(cloud!.sleeps).toEqual([1000]);
    expect(api.sent().map((body) => body.to)).toEqual(["6281299999999"]);
    await dispatcher.runOnce();
    expect(api.sent().map((body) => body.to)).toEqual(["6281299999999", "6281200000001"]);
  });
});
