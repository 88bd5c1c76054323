import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { createDispatcher, type DispatcherOptions } from "../../src/delivery/createDispatcher.js";
import { parseBlackout, type BlackoutRange } from "../../src/domain/blackout/parseBlackout.js";
import { readBroadcastProgress } from "../../src/domain/broadcasts/readBroadcastProgress.js";
import type { BulkSender } from "../../src/delivery/types.js";
import { createTestDatabase, type TestDatabase } from "../support/createTestDatabase.js";
import { createVirtualClock, type VirtualClock } from "./support/createVirtualClock.js";
import { addBroadcast, addContact, deliveryOf, queueDeliveries, renderForTest, silentLogger } from "./support/seedCampaign.js";

let t: TestDatabase;
let db: Database;
let clock: VirtualClock;
let sent: [string, string][];

beforeEach(async () => {
  t = await createTestDatabase();
  db = t.db;
  clock = createVirtualClock();
  sent = [];
});

afterEach(async () => {
  await t.close();
});

const telegram: BulkSender = {
  channel: "telegram",
  send: async (externalId) => {
    sent.push([externalId, clock.date().toISOString()]);
    return { status: "sent" };
  },
};

function dispatcher(overrides: Partial<DispatcherOptions> = {}) {
  return createDispatcher({
    db,
    senders: { telegram },
    clock: clock.date,
    workerId: "w1",
    renderBroadcast: renderForTest,
    logger: silentLogger,
    defaultTimeZone: "Asia/Jakarta",
    ...overrides,
  });
}

function blackout(value: string): BlackoutRange[] {
  const parsed = parseBlackout(value, "Asia/Jakarta");
  if (parsed.status !== "ok") throw new Error(parsed.problem);
  return parsed.ranges;
}

describe("quiet hours", () => {
  it("holds a message for Papua at 21:30 WIT while Java and Sulawesi still get theirs, then sends it at 07:00 WIT", async () => {
    clock.set("2029-01-10T12:30:00Z"); // 19:30 WIB, 20:30 WITA, 21:30 WIT
    const jakarta = await addContact(db, { telegram: "1", regionCode: "31.71" });
    const makassar = await addContact(db, { telegram: "2", regionCode: "73.71" });
    const jayapura = await addContact(db, { telegram: "3", regionCode: "91.71" });
    const broadcast = await addBroadcast(db);
    await queueDeliveries(db, broadcast, [jakarta, makassar, jayapura]);
    const worker = dispatcher();

    const summary = await worker.runOnce();

    expect(summary).toMatchObject({ sent: 2, held: 1 });
    expect(sent.map(([chat]) => chat).sort()).toEqual(["1", "2"]);
    expect(await deliveryOf(db, broadcast, jayapura)).toMatchObject({
      status: "queued",
      reason: "quiet_hours",
      attempts: 0,
      notBefore: new Date("2029-01-10T22:00:00Z"),
    });
    const progress = await readBroadcastProgress(db, broadcast, clock.date());
    expect(progress).toMatchObject({ sent: 2, held: 1, heldByReason: { quiet_hours: 1 }, remaining: 1 });

    clock.set("2029-01-10T21:59:59Z");
    expect((await worker.runOnce()).claimed).toBe(0);
    clock.set("2029-01-10T22:00:00Z");
    await worker.runOnce();
    expect(sent.at(-1)).toEqual(["3", "2029-01-10T22:00:00.000Z"]);
    expect(await deliveryOf(db, broadcast, jayapura)).toMatchObject({ status: "sent", reason: null });
  });

  it("uses the default zone for a contact with no region, daylight saving time included", async () => {
    clock.set("2029-03-24T21:00:00Z"); // 22:00 in Berlin (CET); 04:00 on the 25th in Jakarta
    const berliner = await addContact(db, { telegram: "10", regionCode: null });
    const bandung = await addContact(db, { telegram: "11", regionCode: "32.73" });
    const broadcast = await addBroadcast(db);
    await queueDeliveries(db, broadcast, [berliner, bandung]);
    const worker = dispatcher({ defaultTimeZone: "Europe/Berlin" });

    expect((await worker.runOnce()).held).toBe(2);
    // 07:00 in Jakarta; 07:00 in Berlin, which is summer time by then (UTC+2).
    expect((await deliveryOf(db, broadcast, bandung)).notBefore).toEqual(new Date("2029-03-25T00:00:00Z"));
    expect((await deliveryOf(db, broadcast, berliner)).notBefore).toEqual(new Date("2029-03-25T05:00:00Z"));

    clock.set("2029-03-25T00:00:00Z");
    await worker.runOnce();
    expect(sent.map(([chat]) => chat)).toEqual(["11"]);
    clock.set("2029-03-25T05:00:00Z");
    await worker.runOnce();
    expect(sent.map(([chat]) => chat)).toEqual(["11", "10"]);
  });

  it("can be switched off", async () => {
    clock.set("2029-01-10T16:00:00Z"); // 23:00 WIB
    const contact = await addContact(db, { telegram: "20" });
    const broadcast = await addBroadcast(db);
    await queueDeliveries(db, broadcast, [contact]);
    await dispatcher({ quietHours: null }).runOnce();
    expect(sent).toHaveLength(1);
  });

  it("refuses a malformed quiet-hours setting at creation", () => {
    expect(() => dispatcher({ quietHours: { start: "9pm", end: "07:00" } })).toThrow(/9pm/);
  });
});

describe("election quiet period", () => {
  it("holds campaign broadcasts until the blackout ends, lets volunteers' operational messages through, and still honours quiet hours after", async () => {
    clock.set("2029-02-12T03:00:00Z"); // 10:00 WIB on the second day of the quiet period
    const voter = await addContact(db, { telegram: "30" });
    const volunteer = await addContact(db, { telegram: "31", role: "volunteer", tasksConsents: [true] });
    const campaign = await addBroadcast(db);
    const operational = await addBroadcast(db, { operational: true });
    await queueDeliveries(db, campaign, [voter]);
    await queueDeliveries(db, operational, [volunteer]);
    const worker = dispatcher({ blackout: blackout("2029-02-11..2029-02-13@Asia/Jakarta") });

    await worker.runOnce();

    expect(sent.map(([chat]) => chat)).toEqual(["31"]);
    expect(await deliveryOf(db, campaign, voter)).toMatchObject({ status: "queued", reason: "blackout", notBefore: new Date("2029-02-13T17:00:00Z") });
    expect(await readBroadcastProgress(db, campaign, clock.date())).toMatchObject({ held: 1, heldByReason: { blackout: 1 } });

    // The blackout ends at midnight WIB, inside quiet hours: the message waits for the morning.
    clock.set("2029-02-13T17:00:00Z");
    await worker.runOnce();
    expect(await deliveryOf(db, campaign, voter)).toMatchObject({ status: "queued", reason: "quiet_hours", notBefore: new Date("2029-02-14T00:00:00Z") });
    clock.set("2029-02-14T00:00:00Z");
    await worker.runOnce();
    expect(sent.map(([chat]) => chat)).toEqual(["31", "30"]);
  });
});
