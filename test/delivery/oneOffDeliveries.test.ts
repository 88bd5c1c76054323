import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { createDispatcher, type DispatcherOptions } from "../../src/delivery/createDispatcher.js";
import { parseBlackout } from "../../src/domain/blackout/parseBlackout.js";
import type { BulkSender, OutboundMessage } from "../../src/delivery/types.js";
import { queueMessage, type QueuedMessage } from "../../src/domain/deliveries/queueMessage.js";
import { createTestDatabase, type TestDatabase } from "../support/createTestDatabase.js";
import { createVirtualClock, type VirtualClock } from "./support/createVirtualClock.js";
import { addContact, addTask, renderForTest, silentLogger } from "./support/seedCampaign.js";

let t: TestDatabase;
let db: Database;
let clock: VirtualClock;
let sent: [string, OutboundMessage][];

beforeEach(async () => {
  t = await createTestDatabase();
  db = t.db;
  clock = createVirtualClock();
  clock.set("2029-01-10T03:00:00Z"); // 10:00 WIB
  sent = [];
});

afterEach(async () => {
  await t.close();
});

const telegram: BulkSender = {
  channel: "telegram",
  send: async (externalId, message) => {
    sent.push([externalId, message]);
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

function reply(contactId: string, text = "Jawaban tim kampanye"): QueuedMessage {
  return { contactId, kind: "inbox_reply", text, purpose: "reply" };
}

describe("one-off deliveries", () => {
  it("sends a staff reply with its text, and buttons where a message has choices", async () => {
    const voter = await addContact(db, { telegram: "1", updatesConsent: null });
    const volunteer = await addContact(db, { telegram: "2", tasksConsents: [true] });
    const task = await addTask(db);
    await queueMessage(db, reply(voter), clock.date());
    const choices = [
      { id: `task:${task}:accept`, label: "Terima" },
      { id: `task:${task}:decline`, label: "Tolak" },
    ];
    await queueMessage(db, { contactId: volunteer, kind: "task_offer", taskId: task, text: "Tugas baru", choices, purpose: "volunteer_tasks" }, clock.date());

    const observed: string[] = [];
    const summary = await dispatcher({ observer: { sent: (channel) => observed.push(`sent:${channel}`), rateLimited: (channel) => observed.push(`429:${channel}`) } }).runOnce();

    expect(summary).toMatchObject({ claimed: 2, sent: 2 });
    expect(observed).toEqual(["sent:telegram", "sent:telegram"]);
    expect(Object.fromEntries(sent)).toEqual({ "1": { text: "Jawaban tim kampanye" }, "2": { text: "Tugas baru", choices } });
    expect(await db.delivery.count({ where: { status: "sent" } })).toBe(2);
  });

  it("writes a task message once per person and kind, however often it is queued", async () => {
    const volunteer = await addContact(db, { telegram: "2", tasksConsents: [true] });
    const task = await addTask(db);
    const offer: QueuedMessage = { contactId: volunteer, kind: "task_offer", taskId: task, text: "Tugas baru", purpose: "volunteer_tasks" };

    expect(await queueMessage(db, offer, clock.date())).toBe(true);
    expect(await queueMessage(db, offer, clock.date())).toBe(false);
    expect(await queueMessage(db, { ...offer, kind: "task_reminder" }, clock.date())).toBe(true);
    expect(await db.delivery.count()).toBe(2);
  });

  it("never sends a reply to someone who said STOP, but needs no updates consent for it", async () => {
    const stopped = await addContact(db, { telegram: "1", optedOut: true });
    const neverAsked = await addContact(db, { telegram: "2", updatesConsent: null });
    await queueMessage(db, reply(stopped), clock.date());
    await queueMessage(db, reply(neverAsked), clock.date());

    await dispatcher().runOnce();

    expect(sent.map(([chat]) => chat)).toEqual(["2"]);
    expect(await db.delivery.findFirst({ where: { contactId: stopped } })).toMatchObject({ status: "skipped", reason: "opted_out" });
  });

  it("sends a reply at night and in an election quiet period; holds a task offer for both", async () => {
    clock.set("2029-01-10T15:00:00Z"); // 22:00 WIB
    const voter = await addContact(db, { telegram: "1" });
    const volunteer = await addContact(db, { telegram: "2", tasksConsents: [true] });
    const task = await addTask(db);
    await queueMessage(db, reply(voter), clock.date());
    await queueMessage(db, { contactId: volunteer, kind: "task_offer", taskId: task, text: "Tugas", purpose: "volunteer_tasks" }, clock.date());
    const blackout = parseBlackout("2029-01-10..2029-01-11@Asia/Jakarta", "Asia/Jakarta");
    if (blackout.status !== "ok") throw new Error(blackout.problem);

    const summary = await dispatcher({ blackout: blackout.ranges }).runOnce();

    expect(summary).toMatchObject({ sent: 1, held: 1 });
    expect(sent.map(([chat]) => chat)).toEqual(["1"]);
    expect(await db.delivery.findFirst({ where: { contactId: volunteer } })).toMatchObject({ status: "queued", reason: "blackout" });
  });

  it("lets an operational task through the election quiet period but not past a withdrawn task consent", async () => {
    const willing = await addContact(db, { telegram: "1", tasksConsents: [true] });
    const withdrawn = await addContact(db, { telegram: "2", tasksConsents: [true, false] });
    const task = await addTask(db, "open", true);
    for (const contactId of [willing, withdrawn]) {
      await queueMessage(db, { contactId, kind: "task_offer", taskId: task, text: "Tugas", purpose: "volunteer_tasks" }, clock.date());
    }
    const blackout = parseBlackout("2029-01-10..2029-01-11@Asia/Jakarta", "Asia/Jakarta");
    if (blackout.status !== "ok") throw new Error(blackout.problem);

    await dispatcher({ blackout: blackout.ranges }).runOnce();

    expect(sent.map(([chat]) => chat)).toEqual(["1"]);
    expect(await db.delivery.findFirst({ where: { contactId: withdrawn } })).toMatchObject({ status: "skipped", reason: "no_consent" });
  });

  it("skips the queued messages of a closed task, and one closed while it waited in the limiter", async () => {
    const a = await addContact(db, { telegram: "1", tasksConsents: [true] });
    const b = await addContact(db, { telegram: "2", tasksConsents: [true] });
    const closed = await addTask(db, "closed");
    const closing = await addTask(db);
    await queueMessage(db, { contactId: a, kind: "task_offer", taskId: closed, text: "Tugas", purpose: "volunteer_tasks" }, clock.date());
    await queueMessage(db, { contactId: b, kind: "task_offer", taskId: closing, text: "Tugas", purpose: "volunteer_tasks" }, clock.date());
    const closeFirst: BulkSender = {
      channel: "telegram",
      send: async (externalId, message) => {
        sent.push([externalId, message]);
        return { status: "sent" };
      },
    };
    // The task closes between the claim and the send: the limiter runs the job after this.
    const limiter = {
      schedule: async <T>(_p: string, _chat: string, task: () => Promise<T>) => {
        await db.task.update({ where: { id: closing }, data: { status: "closed" } });
        return task();
      },
      send: () => Promise.reject(new Error("the dispatcher schedules, it does not send")),
      sendMore: () => Promise.reject(new Error("the dispatcher schedules, it does not send")),
      pause: () => undefined,
      pausedUntil: () => 0,
      waiting: () => 0,
      stop: async () => undefined,
    };

    await dispatcher({ senders: { telegram: closeFirst }, limiters: { telegram: limiter } }).runOnce();

    expect(sent).toEqual([]);
    const rows = await db.delivery.findMany({ orderBy: { taskId: "asc" }, select: { taskId: true, status: true, reason: true } });
    expect(rows).toEqual([
      { taskId: closed, status: "skipped", reason: "task_closed" },
      { taskId: closing, status: "skipped", reason: "task_closed" },
    ]);
  });
});
