import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { createDispatcher, type DispatcherOptions } from "../../src/delivery/createDispatcher.js";
import { recoverExpiredLeases } from "../../src/delivery/recoverExpiredLeases.js";
import { createTestDatabase, type TestDatabase } from "../support/createTestDatabase.js";
import { recordingSender } from "./support/recordingSender.js";
import { createVirtualClock, type VirtualClock } from "./support/createVirtualClock.js";
import { addBroadcast, addContact, deliveryOf, queueDeliveries, renderForTest, silentLogger, statusCounts } from "./support/seedCampaign.js";


let t: TestDatabase;
let db: Database;
let clock: VirtualClock;

beforeEach(async () => {
  t = await createTestDatabase();
  db = t.db;
  // 10:00 in Jakarta: no quiet hours in the way.
  clock = createVirtualClock("2029-01-10T03:00:00Z");
});

afterEach(async () => {
  await t.close();
});

function dispatcher(senders: DispatcherOptions["senders"], overrides: Partial<DispatcherOptions> = {}) {
  return createDispatcher({
    db,
    senders,
    clock: clock.date,
    workerId: "w1",
    renderBroadcast: renderForTest,
    logger: silentLogger,
    defaultTimeZone: "Asia/Jakarta",
    ...overrides,
  });
}

describe("dispatcher", () => {
  it("sends once to everyone who may receive it, in their language, and records why the others were skipped", async () => {
    const ids = {
      siti: await addContact(db, { telegram: "1001" }),
      john: await addContact(db, { telegram: "1002", language: "en" }),
      stopped: await addContact(db, { telegram: "1003", optedOut: true, updatesConsent: false }),
      neverAsked: await addContact(db, { telegram: "1004", updatesConsent: null }),
      blocked: await addContact(db, { telegram: "1005", unreachable: { telegram: true } }),
      whatsappOnly: await addContact(db, { whatsapp: "6281200000006" }),
    };
    const broadcast = await addBroadcast(db);
    await queueDeliveries(db, broadcast, Object.values(ids));
    const telegram = recordingSender("telegram");

    const summary = await dispatcher({ telegram: telegram.sender }).runOnce();

    expect(telegram.sent).toEqual([
      { externalId: "1001", text: "Halo relawan!\n\nBalas STOP untuk berhenti" },
      { externalId: "1002", text: "Hello volunteers!\n\nBalas STOP untuk berhenti" },
    ]);
    const outcome = async (contactId: string) => {
      const d = await deliveryOf(db, broadcast, contactId);
      return [d.status, d.reason];
    };
    expect(await outcome(ids.siti)).toEqual(["sent", null]);
    expect(await outcome(ids.stopped)).toEqual(["skipped", "opted_out"]);
    expect(await outcome(ids.neverAsked)).toEqual(["skipped", "no_consent"]);
    expect(await outcome(ids.blocked)).toEqual(["skipped", "unreachable"]);
    expect(await outcome(ids.whatsappOnly)).toEqual(["skipped", "no_channel"]);
    const siti = await deliveryOf(db, broadcast, ids.siti);
    expect(siti).toMatchObject({ channel: "telegram", externalId: "1001", attempts: 1, platformMessageId: "m1", sentAt: clock.date(), claimedBy: "w1", leaseUntil: null });
    expect(summary).toMatchObject({ claimed: 6, sent: 2, skipped: 4, failed: 0, uncertain: 0 });

    // Nothing is left to claim, and nobody hears it twice.
    const again = await dispatcher({ telegram: telegram.sender }).runOnce();
    expect(again.claimed).toBe(0);
    expect(telegram.sent).toHaveLength(2);
  });

  it("reaches each person on the identity they wrote from most recently, skipping blocked ones", async () => {
    const both = await addContact(db, {
      telegram: "2001",
      whatsapp: "6281200002001",
      lastInboundAt: { telegram: new Date("2029-01-05T00:00:00Z"), whatsapp: new Date("2029-01-07T00:00:00Z") },
    });
    const blockedOnWhatsApp = await addContact(db, {
      telegram: "2002",
      whatsapp: "6281200002002",
      lastInboundAt: { telegram: new Date("2029-01-05T00:00:00Z"), whatsapp: new Date("2029-01-07T00:00:00Z") },
      unreachable: { whatsapp: true },
    });
    const broadcast = await addBroadcast(db);
    await queueDeliveries(db, broadcast, [both, blockedOnWhatsApp]);
    const telegram = recordingSender("telegram");
    const whatsapp = recordingSender("whatsapp");

    await dispatcher({ telegram: telegram.sender, whatsapp: whatsapp.sender }).runOnce();

    expect(whatsapp.sent.map((s) => s.externalId)).toEqual(["6281200002001"]);
    expect(telegram.sent.map((s) => s.externalId)).toEqual(["2002"]);
    expect(await deliveryOf(db, broadcast, both)).toMatchObject({ status: "sent", channel: "whatsapp", externalId: "6281200002001" });
  });

  it("honours a STOP that arrives after the row was queued, and one that arrives while earlier messages are going out", async () => {
    const first = await addContact(db, { telegram: "3001" });
    const stopsWhileWaiting = await addContact(db, { telegram: "3002" });
    const stoppedBefore = await addContact(db, { telegram: "3003" });
    const broadcast = await addBroadcast(db);
    await queueDeliveries(db, broadcast, [first, stopsWhileWaiting, stoppedBefore]);
    await db.contact.update({ where: { id: stoppedBefore }, data: { optedOut: true, updatesConsent: false } });
    // The STOP lands after the batch was claimed, while the first message is on its way.
    const telegram = recordingSender("telegram", async (_id, n) => {
      if (n === 1) await db.contact.update({ where: { id: stopsWhileWaiting }, data: { optedOut: true, updatesConsent: false } });
    });

    await dispatcher({ telegram: telegram.sender }).runOnce();

    expect(telegram.sent.map((s) => s.externalId)).toEqual(["3001"]);
    expect(await deliveryOf(db, broadcast, stopsWhileWaiting)).toMatchObject({ status: "skipped", reason: "opted_out", attempts: 0 });
    expect(await deliveryOf(db, broadcast, stoppedBefore)).toMatchObject({ status: "skipped", reason: "opted_out", attempts: 0 });
  });

  it("gives rows of a paused broadcast back untouched, and sends them once it resumes", async () => {
    const contacts = [await addContact(db, { telegram: "4001" }), await addContact(db, { telegram: "4002" }), await addContact(db, { telegram: "4003" })];
    const broadcast = await addBroadcast(db);
    await queueDeliveries(db, broadcast, contacts);
    const telegram = recordingSender("telegram", async (_id, n) => {
      if (n === 1) await db.broadcast.update({ where: { id: broadcast }, data: { status: "paused" } });
    });
    const worker = dispatcher({ telegram: telegram.sender });

    await worker.runOnce();
    expect(telegram.sent).toHaveLength(1);
    expect(await statusCounts(db, broadcast)).toEqual({ sent: 1, queued: 2 });
    const waiting = await deliveryOf(db, broadcast, contacts[1]!);
    expect(waiting).toMatchObject({ attempts: 0, claimedBy: null, leaseUntil: null, reason: null });

    // Paused rows are not even claimed.
    expect((await worker.runOnce()).claimed).toBe(0);

    await db.broadcast.update({ where: { id: broadcast }, data: { status: "sending" } });
    await worker.runOnce();
    expect(telegram.sent.map((s) => s.externalId)).toEqual(["4001", "4002", "4003"]);
    expect(await statusCounts(db, broadcast)).toEqual({ sent: 3 });
  });

  it("closes a cancelled broadcast's rows as skipped: the queued ones in one sweep, the claimed ones before sending", async () => {
    const contacts = [await addContact(db, { telegram: "5001" }), await addContact(db, { telegram: "5002" }), await addContact(db, { telegram: "5003" })];
    const broadcast = await addBroadcast(db);
    await queueDeliveries(db, broadcast, contacts);
    const telegram = recordingSender("telegram", async (_id, n) => {
      if (n === 1) await db.broadcast.update({ where: { id: broadcast }, data: { status: "cancelled" } });
    });
    await dispatcher({ telegram: telegram.sender }).runOnce();
    expect(telegram.sent).toHaveLength(1);
    expect(await deliveryOf(db, broadcast, contacts[2]!)).toMatchObject({ status: "skipped", reason: "cancelled" });

    const later = await addBroadcast(db);
    await queueDeliveries(db, later, contacts);
    await db.broadcast.update({ where: { id: later }, data: { status: "cancelled" } });
    const summary = await dispatcher({ telegram: telegram.sender }).runOnce();
    expect(summary.claimed).toBe(0);
    expect(await statusCounts(db, later)).toEqual({ skipped: 3 });
    expect(telegram.sent).toHaveLength(1);
  });

  it("sends a volunteers' operational message on the latest volunteer_tasks answer, whatever the updates answer", async () => {
    const ids = {
      agreed: await addContact(db, { telegram: "6001", role: "volunteer", tasksConsents: [true], updatesConsent: false }),
      withdrew: await addContact(db, { telegram: "6002", role: "volunteer", tasksConsents: [true, false] }),
      cameBack: await addContact(db, { telegram: "6003", role: "volunteer", tasksConsents: [false, true] }),
      neverAsked: await addContact(db, { telegram: "6004", role: "volunteer" }),
    };
    const broadcast = await addBroadcast(db, { operational: true });
    await queueDeliveries(db, broadcast, Object.values(ids));
    const telegram = recordingSender("telegram");

    await dispatcher({ telegram: telegram.sender }).runOnce();

    expect(telegram.sent.map((s) => s.externalId).sort()).toEqual(["6001", "6003"]);
    expect(await deliveryOf(db, broadcast, ids.withdrew)).toMatchObject({ status: "skipped", reason: "no_consent" });
    expect(await deliveryOf(db, broadcast, ids.neverAsked)).toMatchObject({ status: "skipped", reason: "no_consent" });
  });

  it("honours a volunteer withdrawing task consent, or blocking the bot, while the operational message waits its turn", async () => {
    const first = await addContact(db, { telegram: "6101", role: "volunteer", tasksConsents: [true] });
    const withdraws = await addContact(db, { telegram: "6102", role: "volunteer", tasksConsents: [true] });
    const blocks = await addContact(db, { telegram: "6103", role: "volunteer", tasksConsents: [true] });
    const broadcast = await addBroadcast(db, { operational: true });
    await queueDeliveries(db, broadcast, [first, withdraws, blocks]);
    const telegram = recordingSender("telegram", async (_id, n) => {
      if (n !== 1) return;
      await db.consentRecord.create({
        data: { contactId: withdraws, purpose: "volunteer_tasks", granted: false, textKey: "k", textVersion: "1", language: "id", channel: "telegram", source: "conversation", recordedAt: clock.date() },
      });
      await db.channelIdentity.updateMany({ where: { externalId: "6103" }, data: { unreachableAt: clock.date() } });
    });

    await dispatcher({ telegram: telegram.sender }).runOnce();

    expect(telegram.sent.map((s) => s.externalId)).toEqual(["6101"]);
    expect(await deliveryOf(db, broadcast, withdraws)).toMatchObject({ status: "skipped", reason: "no_consent", attempts: 0 });
    expect(await deliveryOf(db, broadcast, blocks)).toMatchObject({ status: "skipped", reason: "unreachable", attempts: 0 });
  });

  it("starts a scheduled broadcast when its time comes, not before", async () => {
    const contact = await addContact(db, { telegram: "7001" });
    const at = new Date(clock.now() + 3_600_000);
    const broadcast = await addBroadcast(db, { status: "scheduled", scheduledAt: at });
    await queueDeliveries(db, broadcast, [contact], at);
    const telegram = recordingSender("telegram");
    const worker = dispatcher({ telegram: telegram.sender });

    clock.advance(3_600_000 - 1000);
    expect((await worker.runOnce()).claimed).toBe(0);
    expect(await db.broadcast.findUniqueOrThrow({ where: { id: broadcast } })).toMatchObject({ status: "scheduled", startedAt: null });

    clock.advance(1000);
    await worker.runOnce();
    expect(await db.broadcast.findUniqueOrThrow({ where: { id: broadcast } })).toMatchObject({ status: "sending", startedAt: at });
    expect(telegram.sent).toHaveLength(1);
  });

  it("fails a delivery whose message cannot be rendered, without calling the platform", async () => {
    const contact = await addContact(db, { telegram: "8001" });
    const broken = await addBroadcast(db);
    await db.broadcast.update({ where: { id: broken }, data: { texts: "not json" } });
    const throwing = await addBroadcast(db);
    await queueDeliveries(db, broken, [contact]);
    await queueDeliveries(db, throwing, [contact]);
    const telegram = recordingSender("telegram");

    await dispatcher(
      { telegram: telegram.sender },
      {
        renderBroadcast: (b, r, channel) => {
          if (b.id === throwing) throw new Error("no text for this language");
          return renderForTest(b, r, channel);
        },
      },
    ).runOnce();

    expect(telegram.sent).toEqual([]);
    expect(await deliveryOf(db, broken, contact)).toMatchObject({ status: "failed", reason: "render_failed", attempts: 0 });
    expect(await deliveryOf(db, throwing, contact)).toMatchObject({ status: "failed", reason: "render_failed", attempts: 0 });
  });

  it("marks a delivery uncertain, and never retries it, when the sender throws mid-call", async () => {
    const contact = await addContact(db, { telegram: "9001" });
    const broadcast = await addBroadcast(db);
    await queueDeliveries(db, broadcast, [contact]);
    const telegram = recordingSender("telegram", () => {
      throw new Error("socket hang up");
    });
    const worker = dispatcher({ telegram: telegram.sender });
    await worker.runOnce();
    clock.advance(3_600_000);
    await worker.runOnce();
    expect(telegram.sent).toHaveLength(1);
    expect(await deliveryOf(db, broadcast, contact)).toMatchObject({ status: "uncertain", reason: "sender_error" });
  });

  it("does not send a row whose claim it lost while the row waited for its turn", async () => {
    const contacts = [await addContact(db, { telegram: "10001" }), await addContact(db, { telegram: "10002" })];
    const broadcast = await addBroadcast(db);
    await queueDeliveries(db, broadcast, contacts);
    const second = await deliveryOf(db, broadcast, contacts[1]!);
    // While the first message is on its way, the second row's lease expires and another worker claims it.
    const telegram = recordingSender("telegram", async (_id, n) => {
      if (n === 1) await db.delivery.update({ where: { id: second.id }, data: { claimedBy: "w2", leaseUntil: new Date(clock.now() + 60_000) } });
    });

    await dispatcher({ telegram: telegram.sender }).runOnce();

    expect(telegram.sent.map((s) => s.externalId)).toEqual(["10001"]);
    expect(await deliveryOf(db, broadcast, contacts[1]!)).toMatchObject({ status: "claimed", claimedBy: "w2", attempts: 0 });
  });

  it("hands a self-paced channel only a few rows at a time and brings the rest back later", async () => {
    const contacts = await Promise.all([1, 2, 3, 4, 5].map((n) => addContact(db, { whatsapp: `62812000110${n}` })));
    const broadcast = await addBroadcast(db);
    await queueDeliveries(db, broadcast, contacts);
    const whatsapp = recordingSender("whatsapp");

    const summary = await dispatcher({ whatsapp: whatsapp.sender }, { selfPacedBacklog: 2 }).runOnce();

    expect(summary).toMatchObject({ claimed: 5, sent: 2, requeued: 3 });
    const later = await db.delivery.findMany({ where: { broadcastId: broadcast, status: "queued" } });
    expect(later.every((d) => d.notBefore.getTime() >= clock.now() + 1000 && d.attempts === 0)).toBe(true);
  });
});

describe("recoverExpiredLeases", () => {
  it("queues again what a dead worker claimed, marks uncertain what it was sending, and leaves live leases alone", async () => {
    const contacts = await Promise.all([1, 2, 3, 4].map((n) => addContact(db, { telegram: `1100${n}` })));
    const broadcast = await addBroadcast(db);
    await queueDeliveries(db, broadcast, contacts);
    const rows = await db.delivery.findMany({ where: { broadcastId: broadcast }, orderBy: { contactId: "asc" } });
    const past = new Date(clock.now() - 1);
    const future = new Date(clock.now() + 60_000);
    const set = (i: number, status: string, leaseUntil: Date) =>
      db.delivery.update({ where: { id: rows[i]!.id }, data: { status, claimedBy: "dead", leaseUntil } });
    await set(0, "claimed", past);
    await set(1, "sending", past);
    await set(2, "claimed", future);
    await set(3, "sending", future);

    expect(await recoverExpiredLeases(db, clock.date())).toEqual({ requeued: 1, uncertain: 1 });

    const after = await db.delivery.findMany({ where: { broadcastId: broadcast }, orderBy: { contactId: "asc" } });
    expect(after.map((d) => [d.status, d.reason, d.claimedBy])).toEqual([
      ["queued", null, null],
      ["uncertain", "interrupted", "dead"],
      ["claimed", null, "dead"],
      ["sending", null, "dead"],
    ]);
  });
});
