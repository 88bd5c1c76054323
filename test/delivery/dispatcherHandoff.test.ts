// A deployment split into processes: a WhatsApp Web session sends only from the process that owns
// it, so a dispatcher without it hands a person best reached on WhatsApp to that process instead
// of skipping them as "no channel".
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ChannelName } from "../../src/conversation/types.js";
import type { Database } from "../../src/db/client.js";
import { createDispatcher, type DispatcherOptions } from "../../src/delivery/createDispatcher.js";
import { createTestDatabase, type TestDatabase } from "../support/createTestDatabase.js";
import { recordingSender } from "./support/recordingSender.js";
import { createVirtualClock, type VirtualClock } from "./support/createVirtualClock.js";
import { addBroadcast, addContact, deliveryOf, queueDeliveries, renderForTest, silentLogger } from "./support/seedCampaign.js";


let t: TestDatabase;
let db: Database;
let clock: VirtualClock;

beforeEach(async () => {
  t = await createTestDatabase();
  db = t.db;
  clock = createVirtualClock("2029-01-10T03:00:00Z");
});
afterEach(async () => {
  await t.close();
});

const dispatcher = (workerId: string, senders: DispatcherOptions["senders"], elsewhere: ChannelName[]) =>
  createDispatcher({ db, senders, elsewhere, clock: clock.date, workerId, renderBroadcast: renderForTest, logger: silentLogger, defaultTimeZone: "Asia/Jakarta" });

describe("dispatchers that send on different channels", () => {
  it("hands WhatsApp people to the session's process, which sends them; nobody is skipped or sent twice", async () => {
    const recent = new Date("2029-01-09T00:00:00Z");
    const ids = {
      telegramOnly: await addContact(db, { telegram: "1001" }),
      whatsappOnly: await addContact(db, { whatsapp: "6281200000002" }),
      // Wrote on WhatsApp last: WhatsApp is where they are best reached.
      both: await addContact(db, { telegram: "1003", whatsapp: "6281200000003", lastInboundAt: { telegram: new Date("2029-01-01T00:00:00Z"), whatsapp: recent } }),
    };
    const broadcast = await addBroadcast(db);
    await queueDeliveries(db, broadcast, Object.values(ids));
    const telegram = recordingSender("telegram");
    const whatsapp = recordingSender("whatsapp");

    const first = await dispatcher("dispatcher-1", { telegram: telegram.sender }, ["whatsapp"]).runOnce();
    expect(telegram.sent.map((r) => r.externalId)).toEqual(["1001"]);
    expect(first.skipped).toBe(0);
    for (const id of [ids.whatsappOnly, ids.both]) {
      expect(await deliveryOf(db, broadcast, id)).toMatchObject({ status: "queued", channel: "whatsapp", claimedBy: null });
    }
    // Marked for WhatsApp, the rows are not claimed again by a Telegram-only dispatcher.
    const again = await dispatcher("dispatcher-2", { telegram: telegram.sender }, ["whatsapp"]).runOnce();
    expect(again.claimed).toBe(0);

    await dispatcher("session-owner", { whatsapp: whatsapp.sender }, ["telegram"]).runOnce();
    expect(whatsapp.sent.map((r) => r.externalId).sort()).toEqual(["6281200000002", "6281200000003"]);
    expect(telegram.sent.map((r) => r.externalId)).toEqual(["1001"]);
    for (const id of Object.values(ids)) expect((await deliveryOf(db, broadcast, id)).status).toBe("sent");
  });

  it("a single process without WhatsApp still skips WhatsApp-only people as no_channel", async () => {
    const whatsappOnly = await addContact(db, { whatsapp: "6281200000002" });
    const broadcast = await addBroadcast(db);
    await queueDeliveries(db, broadcast, [whatsappOnly]);
    await dispatcher("only", { telegram: recordingSender("telegram").sender }, []).runOnce();
    expect(await deliveryOf(db, broadcast, whatsappOnly)).toMatchObject({ status: "skipped", reason: "no_channel" });
  });

  it("a row handed to Telegram goes back to WhatsApp's process if the person is then best reached there", async () => {
    const both = await addContact(db, { telegram: "1003", whatsapp: "6281200000003", lastInboundAt: { telegram: new Date("2029-01-09T00:00:00Z") } });
    const broadcast = await addBroadcast(db);
    await queueDeliveries(db, broadcast, [both]);
    const whatsapp = recordingSender("whatsapp");
    await dispatcher("session-owner", { whatsapp: whatsapp.sender }, ["telegram"]).runOnce();
    expect(await deliveryOf(db, broadcast, both)).toMatchObject({ status: "queued", channel: "telegram" });
    expect(whatsapp.sent.map((r) => r.externalId)).toEqual([]);
    const telegram = recordingSender("telegram");
    await dispatcher("dispatcher-1", { telegram: telegram.sender }, ["whatsapp"]).runOnce();
    expect(telegram.sent.map((r) => r.externalId)).toEqual(["1003"]);
  });
});
