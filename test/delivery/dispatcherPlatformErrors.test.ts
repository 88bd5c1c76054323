// The dispatcher and the real Telegram sender against the fake Bot API over HTTP: what each
// kind of platform answer does to the delivery, the channel and the person's identity.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTelegramBulkSender } from "../../src/channels/telegram/createTelegramBulkSender.js";
import type { Database } from "../../src/db/client.js";
import { createChannelLimiter } from "../../src/delivery/createChannelLimiter.js";
import { createDispatcher, type DispatcherOptions } from "../../src/delivery/createDispatcher.js";
import type { BulkSender } from "../../src/delivery/types.js";
import { startFakeBotApi, type FakeBotApi, TEST_BOT_TOKEN } from "../support/fakeBotApi.js";
import { createTestDatabase, type TestDatabase } from "../support/createTestDatabase.js";
import { createVirtualClock, type VirtualClock } from "./support/createVirtualClock.js";
import { addBroadcast, addContact, deliveryOf, queueDeliveries, renderForTest, silentLogger } from "./support/seedCampaign.js";

const TOKEN = TEST_BOT_TOKEN;

let t: TestDatabase;
let db: Database;
let api: FakeBotApi;
let clock: VirtualClock;

beforeEach(async () => {
  t = await createTestDatabase();
  db = t.db;
  api = await startFakeBotApi();
  clock = createVirtualClock("2029-01-10T03:00:00Z");
});

afterEach(async () => {
  await api.close();
  await t.close();
});

/** The Telegram sender, noting the (virtual) time of every call. */
function telegramSender(calls: [string, number][] = []): BulkSender {
  const sender = createTelegramBulkSender({ token: TOKEN, apiRoot: api.url });
  return {
    channel: "telegram",
    send(externalId, message) {
      calls.push([externalId, clock.now()]);
      return sender.send(externalId, message);
    },
  };
}

function dispatcher(overrides: Partial<DispatcherOptions> = {}) {
  return createDispatcher({
    db,
    senders: { telegram: telegramSender() },
    clock: clock.date,
    workerId: "w1",
    renderBroadcast: renderForTest,
    logger: silentLogger,
    defaultTimeZone: "Asia/Jakarta",
    retry: { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 60_000 },
    // Always the longest wait, so the back-off is exact.
    random: () => 1,
    ...overrides,
  });
}

async function oneBroadcast(chats: string[]) {
  const contacts = [];
  for (const chat of chats) contacts.push(await addContact(db, { telegram: chat }));
  const broadcast = await addBroadcast(db);
  await queueDeliveries(db, broadcast, contacts);
  return { broadcast, contacts };
}

const sentTo = (chat: string) => api.calls("sendMessage").filter((r) => String(r.body.chat_id) === chat).length;

describe("dispatcher against the Bot API", () => {
  it("on 429 pauses the whole channel for retry_after, then retries that delivery without counting an attempt", async () => {
    const { broadcast, contacts } = await oneBroadcast(["12001", "12002", "12003"]);
    api.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 3", parameters: { retry_after: 3 } });
    const calls: [string, number][] = [];
    const limiter = createChannelLimiter({ perSecond: 30, perChatPerSecond: 1, maxInFlight: 1, evenSpacing: false, now: clock.now, sleep: clock.sleep });
    const worker = dispatcher({ senders: { telegram: telegramSender(calls) }, limiters: { telegram: limiter } });
    const start = clock.now();

    await clock.run(worker.runOnce());

    // The two other chats waited for the pause although their own messages were never refused.
    expect(calls.map(([chat, at]) => [chat, at - start])).toEqual([
      ["12001", 0],
      ["12002", 3000],
      ["12003", 3000],
    ]);
    expect(limiter.pausedUntil()).toBe(start + 3000);
    expect(await deliveryOf(db, broadcast, contacts[0]!)).toMatchObject({
      status: "queued",
      reason: "rate_limited",
      attempts: 0,
      notBefore: new Date(start + 3000),
      claimedBy: null,
    });

    await clock.run(worker.runOnce());
    expect(await deliveryOf(db, broadcast, contacts[0]!)).toMatchObject({ status: "sent", reason: null, attempts: 1 });
    expect(sentTo("12001")).toBe(2);
    expect(api.deliveredByChat().get("12001")).toBe(1);
  });

  it("backs off exponentially on 5xx and fails with the reason once the attempts are used up", async () => {
    const { broadcast, contacts } = await oneBroadcast(["13001"]);
    api.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" }, 5);
    const worker = dispatcher();
    const waits: number[] = [];
    for (let round = 0; round < 10; round++) {
      await worker.runOnce();
      const row = await deliveryOf(db, broadcast, contacts[0]!);
      if (row.status !== "queued") break;
      waits.push(row.notBefore.getTime() - clock.now());
      clock.set(row.notBefore.toISOString());
    }

    expect(waits).toEqual([1000, 2000, 4000, 8000]);
    expect(await deliveryOf(db, broadcast, contacts[0]!)).toMatchObject({ status: "failed", reason: "http_502", attempts: 5 });
    expect(sentTo("13001")).toBe(5);
  });

  it("sends on a later attempt when the 5xx clears", async () => {
    const { broadcast, contacts } = await oneBroadcast(["13501"]);
    api.failNext("sendMessage", { error_code: 500, description: "Internal Server Error" }, 2);
    const worker = dispatcher();
    for (let round = 0; round < 3; round++) {
      await worker.runOnce();
      clock.advance(60_000);
    }
    expect(await deliveryOf(db, broadcast, contacts[0]!)).toMatchObject({ status: "sent", attempts: 3 });
    expect(api.deliveredByChat().get("13501")).toBe(1);
  });

  it("on 403 marks the identity unreachable, counts the delivery as blocked, and skips that person afterwards", async () => {
    const { broadcast, contacts } = await oneBroadcast(["14001"]);
    api.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });

    await dispatcher().runOnce();

    expect(await deliveryOf(db, broadcast, contacts[0]!)).toMatchObject({ status: "failed", reason: "blocked", attempts: 1 });
    const identity = await db.channelIdentity.findFirstOrThrow({ where: { externalId: "14001" } });
    expect(identity.unreachableAt).toEqual(clock.date());

    const next = await addBroadcast(db);
    await queueDeliveries(db, next, contacts);
    await dispatcher().runOnce();
    expect(await deliveryOf(db, next, contacts[0]!)).toMatchObject({ status: "skipped", reason: "unreachable", attempts: 0 });
    expect(sentTo("14001")).toBe(1);
  });

  it("on 400 fails with Telegram's description and never retries", async () => {
    const { broadcast, contacts } = await oneBroadcast(["15001"]);
    api.failNext("sendMessage", { error_code: 400, description: "Bad Request: chat not found" });
    const worker = dispatcher();

    await worker.runOnce();
    clock.advance(3_600_000);
    expect((await worker.runOnce()).claimed).toBe(0);

    expect(await deliveryOf(db, broadcast, contacts[0]!)).toMatchObject({ status: "failed", reason: "Bad Request: chat not found", attempts: 1 });
    expect(sentTo("15001")).toBe(1);
  });

  it("records a call that timed out as uncertain and does not send it again", async () => {
    await api.close();
    api = await startFakeBotApi({ latencyMs: 300 });
    const { broadcast, contacts } = await oneBroadcast(["16001"]);
    const worker = dispatcher({ senders: { telegram: createTelegramBulkSender({ token: TOKEN, apiRoot: api.url, timeoutMs: 50 }) } });

    await worker.runOnce();
    clock.advance(3_600_000);
    await worker.runOnce();

    expect(await deliveryOf(db, broadcast, contacts[0]!)).toMatchObject({ status: "uncertain", reason: "timeout" });
    // The platform got it after all: exactly the case a retry would have doubled.
    await api.waitFor(() => api.deliveredByChat().get("16001") === 1);
    expect(sentTo("16001")).toBe(1);
  });
});
