import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTelegramBulkSender } from "../../src/channels/telegram/createTelegramBulkSender.js";
import { createTelegramStaffNotifier } from "../../src/channels/telegram/createTelegramStaffNotifier.js";
import type { Database } from "../../src/db/client.js";
import { createDispatcher } from "../../src/delivery/createDispatcher.js";
import type { FormatProgress } from "../../src/domain/broadcasts/readBroadcastProgress.js";
import { createProgressReporter } from "../../src/delivery/createProgressReporter.js";
import { readBroadcastProgress } from "../../src/domain/broadcasts/readBroadcastProgress.js";
import { startFakeBotApi, type FakeBotApi, TEST_BOT_TOKEN } from "../support/fakeBotApi.js";
import { createTestDatabase, type TestDatabase } from "../support/createTestDatabase.js";
import { createVirtualClock, type VirtualClock } from "./support/createVirtualClock.js";
import { addBroadcast, addContact, queueDeliveries, renderForTest, silentLogger } from "./support/seedCampaign.js";

const TOKEN = TEST_BOT_TOKEN;
const STAFF_CHAT = "555";

let t: TestDatabase;
let db: Database;
let api: FakeBotApi;
let clock: VirtualClock;

beforeEach(async () => {
  t = await createTestDatabase();
  db = t.db;
  api = await startFakeBotApi();
  clock = createVirtualClock();
});

afterEach(async () => {
  await api.close();
  await t.close();
});

let nextChat = 0;

async function broadcastWithRows(statuses: [status: string, reason: string | null][], seed: Parameters<typeof addBroadcast>[1] = {}) {
  const contacts = [];
  for (let i = 0; i < statuses.length; i++) contacts.push(await addContact(db, { telegram: String(20_000 + nextChat++) }));
  const broadcast = await addBroadcast(db, seed);
  await queueDeliveries(db, broadcast, contacts);
  const rows = await db.delivery.findMany({ where: { broadcastId: broadcast }, orderBy: { id: "asc" } });
  for (const [i, [status, reason]] of statuses.entries()) await db.delivery.update({ where: { id: rows[i]!.id }, data: { status, reason } });
  return broadcast;
}

describe("readBroadcastProgress", () => {
  it("counts deliveries by status and reason, with a rate and an ETA from the previous reading", async () => {
    const broadcast = await broadcastWithRows([
      ["sent", null],
      ["sent", null],
      ["sent", null],
      ["failed", "blocked"],
      ["failed", "Bad Request: chat not found"],
      ["skipped", "opted_out"],
      ["skipped", "opted_out"],
      ["skipped", "outside_24h_window"],
      ["uncertain", "interrupted"],
      ["queued", "quiet_hours"],
      ["queued", "quiet_hours"],
      ["queued", "blackout"],
      ["queued", "rate_limited"],
      ["queued", null],
      ["queued", null],
      ["claimed", null],
      ["sending", null],
    ]);
    const at = clock.date();

    const progress = await readBroadcastProgress(db, broadcast, at, { settled: 4, at: new Date(at.getTime() - 5000) });

    expect(progress).toEqual({
      broadcastId: broadcast,
      status: "sending",
      total: 17,
      sent: 3,
      failed: 2,
      failedByReason: { blocked: 1, "Bad Request: chat not found": 1 },
      failedAfterAcceptanceByReason: {},
      blocked: 1,
      skipped: 3,
      skippedByReason: { opted_out: 2, outside_24h_window: 1 },
      held: 3,
      heldByReason: { quiet_hours: 2, blackout: 1 },
      retrying: 1,
      uncertain: 1,
      inFlight: 2,
      remaining: 8,
      settled: 9,
      // 5 settled in 5 seconds; the 5 not held need 5 more.
      ratePerSecond: 1,
      etaSeconds: 5,
      at,
    });
    expect(await readBroadcastProgress(db, "no-such-broadcast", at)).toBeUndefined();
  });
});

describe("createProgressReporter", () => {
  const format: FormatProgress = (p, phase) => `${phase} ${p.status}: ${p.sent}/${p.total} sent, ${p.skipped} skipped, ${p.remaining} left`;

  function reporter() {
    return createProgressReporter({
      db,
      notifiers: { telegram: createTelegramStaffNotifier({ token: TOKEN, apiRoot: api.url }) },
      format,
      clock: clock.date,
      logger: silentLogger,
    });
  }

  const staffMessages = () => api.calls("sendMessage").filter((r) => String(r.body.chat_id) === STAFF_CHAT);
  const staffEdits = () => api.calls("editMessageText").filter((r) => String(r.body.chat_id) === STAFF_CHAT);

  it("keeps one staff message up to date, then closes the broadcast and posts the final report once", async () => {
    const contacts = [await addContact(db, { telegram: "30001" }), await addContact(db, { telegram: "30002" }), await addContact(db, { telegram: "30003", optedOut: true })];
    const broadcast = await addBroadcast(db, { progressChat: `telegram:${STAFF_CHAT}` });
    await queueDeliveries(db, broadcast, contacts);
    const dispatcher = createDispatcher({
      db,
      senders: { telegram: createTelegramBulkSender({ token: TOKEN, apiRoot: api.url }) },
      clock: clock.date,
      workerId: "w",
      renderBroadcast: renderForTest,
      logger: silentLogger,
      defaultTimeZone: "Asia/Jakarta",
      batchSize: 1,
    });
    const watcher = reporter();

    await watcher.tick();
    expect(staffMessages().map((r) => r.body.text)).toEqual(["running sending: 0/3 sent, 0 skipped, 3 left"]);
    const ref = (await db.broadcast.findUniqueOrThrow({ where: { id: broadcast } })).progressMessage;
    expect(ref).toMatch(/^\d+$/);

    await dispatcher.runOnce();
    clock.advance(5000);
    await watcher.tick();
    expect(staffEdits().map((r) => [r.body.message_id, r.body.text])).toEqual([[Number(ref), "running sending: 1/3 sent, 0 skipped, 2 left"]]);

    // Nothing changed: no edit.
    clock.advance(5000);
    await watcher.tick();
    expect(staffEdits()).toHaveLength(1);

    await dispatcher.runOnce();
    await dispatcher.runOnce();
    clock.advance(5000);
    await Promise.all([watcher.tick(), reporter().tick()]);

    const closed = await db.broadcast.findUniqueOrThrow({ where: { id: broadcast } });
    expect(closed).toMatchObject({ status: "completed", completedAt: clock.date() });
    const final = "final completed: 2/3 sent, 1 skipped, 0 left";
    expect(staffEdits().at(-1)?.body.text).toBe(final);
    expect(staffMessages().map((r) => r.body.text)).toEqual(["running sending: 0/3 sent, 0 skipped, 3 left", final]);
    expect(api.messageText(Number(ref))).toBe(final);

    // Closed broadcasts are left alone.
    await watcher.tick();
    expect(staffMessages()).toHaveLength(2);
  });

  it("does not close a paused broadcast; gives a cancelled one its completion time and final report, keeping its status", async () => {
    const paused = await broadcastWithRows([["queued", null]], { status: "paused", progressChat: `telegram:${STAFF_CHAT}` });
    const cancelled = await broadcastWithRows([["sent", null], ["skipped", "cancelled"]], { status: "cancelled", progressChat: `telegram:${STAFF_CHAT}` });

    await reporter().tick();

    expect(await db.broadcast.findUniqueOrThrow({ where: { id: paused } })).toMatchObject({ status: "paused", completedAt: null });
    expect(await db.broadcast.findUniqueOrThrow({ where: { id: cancelled } })).toMatchObject({ status: "cancelled", completedAt: clock.date() });
    expect(staffMessages().map((r) => r.body.text).sort()).toEqual(["final cancelled: 1/2 sent, 1 skipped, 0 left", "running paused: 0/1 sent, 0 skipped, 1 left"]);
  });
});
