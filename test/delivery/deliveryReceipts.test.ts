// Meta's status webhooks, end to end: a broadcast goes out over the real Cloud adapter to a fake
// Graph API, each delivery keeps the wamid Meta answered, and signed status webhooks posted over
// HTTP then move those deliveries: delivered and read recorded, failed after acceptance with Meta's
// code, in whatever order and however often Meta sends them.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createWhatsAppBulkSender } from "../../src/channels/whatsapp/createWhatsAppBulkSender.js";
import type { Database } from "../../src/db/client.js";
import { createDispatcher } from "../../src/delivery/createDispatcher.js";
import { createReceiptWriter, type ReceiptWriter } from "../../src/delivery/createReceiptWriter.js";
import { readBroadcastProgress } from "../../src/domain/broadcasts/readBroadcastProgress.js";
import { readBroadcastStatus } from "../../src/domain/broadcasts/readBroadcastStatus.js";
import { echo, recordingEngine } from "../channels/telegram/recordingEngine.js";
import { BUDI, SITI, TIMESTAMP, statusOf, statusesWebhook, statusWebhook } from "../channels/whatsapp/cloud/payloads.js";
import { startCloudHarness, type CloudHarness } from "../channels/whatsapp/cloud/startCloudHarness.js";
import { addFailingTrigger } from "../support/addFailingTrigger.js";
import { createTestDatabase, type TestDatabase } from "../support/createTestDatabase.js";
import { createVirtualClock } from "./support/createVirtualClock.js";
import { addBroadcast, addContact, deliveryOf, queueDeliveries, renderForTest, silentLogger } from "./support/seedCampaign.js";

const HOUR = 60 * 60 * 1000;
const NOON = "2029-01-10T05:00:00Z"; // in Jakarta
const ANI = { waId: "6285600000003", name: "Ani" } as const;
const secondsAfterFixtures = (s: number) => new Date((TIMESTAMP + s) * 1000);

let t: TestDatabase;
let db: Database;
let cloud: CloudHarness | undefined;
let writer: ReceiptWriter;
let counted: { known: number; unknown: number };
let batches: number;

beforeEach(async () => {
  t = await createTestDatabase();
  db = t.db;
  counted = { known: 0, unknown: 0 };
  batches = 0;
  writer = createReceiptWriter({
    db,
    channel: "whatsapp",
    logger: silentLogger,
    counted: (recorded) => {
      batches += 1;
      counted.known += recorded.known;
      counted.unknown += recorded.unknown;
    },
  });
});
afterEach(async () => {
  await cloud?.stop();
  cloud = undefined;
  await t.close();
});

/** Sends a broadcast to Siti, Budi and Ani inside their window; answers each one's delivery id and wamid. */
async function sendBroadcast() {
  const lastInboundAt = { whatsapp: new Date(Date.parse(NOON) - HOUR) };
  const people = {
    siti: await addContact(db, { whatsapp: SITI.waId, lastInboundAt }),
    budi: await addContact(db, { whatsapp: BUDI.waId, lastInboundAt }),
    ani: await addContact(db, { whatsapp: ANI.waId, lastInboundAt }),
  };
  const broadcast = await addBroadcast(db);
  await queueDeliveries(db, broadcast, Object.values(people));
  cloud = await startCloudHarness({ engine: recordingEngine(echo), onReceipts: (receipts) => writer.add(receipts) });
  await dispatchAll(3);
  const wamid = async (contactId: string) => (await deliveryOf(db, broadcast, contactId)).platformMessageId!;
  return { broadcast, people, wamids: { siti: await wamid(people.siti), budi: await wamid(people.budi), ani: await wamid(people.ani) } };
}

/** Posts signed webhooks one after another, as Meta does; each is answered once its receipts are written. */
async function post(...bodies: Record<string, unknown>[]): Promise<void> {
  for (const body of bodies) expect((await cloud!.post(body)).status).toBe(200);
}

describe("status webhooks update the delivery they name", () => {
  it("records delivered and read, and fails a sent delivery with Meta's code", async () => {
    const { broadcast, people, wamids } = await sendBroadcast();
    expect(new Set(Object.values(wamids))).toEqual(new Set(["wamid.FAKE000001", "wamid.FAKE000002", "wamid.FAKE000003"]));

    await post(
      statusWebhook(wamids.siti, SITI, "sent"),
      statusWebhook(wamids.siti, SITI, "delivered"),
      statusWebhook(wamids.budi, BUDI, "failed", 131049),
      statusesWebhook([statusOf(wamids.ani, ANI, "delivered", { secondsLater: 7 }), statusOf(wamids.ani, ANI, "read", { secondsLater: 60 })]),
    );

    expect(await deliveryOf(db, broadcast, people.siti)).toMatchObject({ status: "sent", deliveredAt: secondsAfterFixtures(5), readAt: null });
    const budi = await deliveryOf(db, broadcast, people.budi);
    // Failed after acceptance: the reason is Meta's code, and sentAt stays to say it had been accepted.
    expect(budi).toMatchObject({ status: "failed", reason: "cloud_api_131049", deliveredAt: null });
    expect(budi.sentAt).not.toBeNull();
    expect(await deliveryOf(db, broadcast, people.ani)).toMatchObject({ status: "sent", deliveredAt: secondsAfterFixtures(7), readAt: secondsAfterFixtures(60) });
    // Meta's "sent" only repeats what the send's answer said: not handed on.
    expect(counted).toEqual({ known: 4, unknown: 0 });

    // The broadcast's report no longer counts Budi's as sent, and says why it failed.
    const progress = await readBroadcastProgress(db, broadcast, new Date());
    expect(progress).toMatchObject({
      sent: 2,
      failed: 1,
      failedByReason: {},
      failedAfterAcceptanceByReason: { cloud_api_131049: 1 },
      receipts: { sent: 2, delivered: 2, read: 1, failed: 1 },
    });
    const [status] = await readBroadcastStatus(db, { ref: broadcast });
    expect(status?.receipts).toEqual({ sent: 2, delivered: 2, read: 1, failed: 1 });
  });

  it("takes statuses out of order and more than once: the outcome depends on which came, not on their order", async () => {
    const { broadcast, people, wamids } = await sendBroadcast();

    // Read before delivered: read implies delivered, and the late "delivered" changes nothing.
    await post(statusWebhook(wamids.siti, SITI, "read"));
    await post(statusesWebhook([statusOf(wamids.siti, SITI, "delivered", { secondsLater: 2 }), statusOf(wamids.siti, SITI, "read", { secondsLater: 9 })]));
    expect(await deliveryOf(db, broadcast, people.siti)).toMatchObject({ status: "sent", deliveredAt: secondsAfterFixtures(5), readAt: secondsAfterFixtures(5) });

    // A failure and a receipt that it arrived, in either order, one webhook or two: it arrived.
    await post(statusWebhook(wamids.ani, ANI, "delivered"));
    await post(statusWebhook(wamids.ani, ANI, "failed", 131026));
    await post(statusWebhook(wamids.budi, BUDI, "failed", 131026));
    expect(await deliveryOf(db, broadcast, people.budi)).toMatchObject({ status: "failed", reason: "cloud_api_131026" });
    await post(statusWebhook(wamids.budi, BUDI, "delivered"));
    expect(await deliveryOf(db, broadcast, people.ani)).toMatchObject({ status: "sent", reason: null, deliveredAt: secondsAfterFixtures(5) });
    expect(await deliveryOf(db, broadcast, people.budi)).toMatchObject({ status: "sent", reason: null, deliveredAt: secondsAfterFixtures(5) });

    // The same failure three times, in one webhook and in several: failed once, with its reason.
    const { broadcast: second, people: others, wamids: next } = await sendAnother();
    await post(statusesWebhook([statusOf(next.siti, SITI, "failed", { failedWith: 131026 }), statusOf(next.siti, SITI, "failed", { failedWith: 131026 })]));
    await post(statusWebhook(next.siti, SITI, "failed", 131026));
    expect(await deliveryOf(db, second, others.siti)).toMatchObject({ status: "failed", reason: "cloud_api_131026" });
    expect(await db.delivery.count({ where: { status: "failed" } })).toBe(1);
  });

  it("ignores statuses of messages that are no delivery (replies, another number's), counting them", async () => {
    const { broadcast, people } = await sendBroadcast();
    await post(
      statusWebhook("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjg5QkVFRDVBQTVDODFDOTg3MQA=", SITI, "read"),
      statusWebhook("wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjg5QkVFRDVBQTVDODFDOTg3MQA=", SITI, "failed", 131026),
    );
    expect(counted).toEqual({ known: 0, unknown: 2 });
    const rows = await db.delivery.findMany({ where: { broadcastId: broadcast }, select: { status: true, deliveredAt: true, readAt: true } });
    expect(rows).toEqual(Object.values(people).map(() => ({ status: "sent", deliveredAt: null, readAt: null })));
  });

  it("a webhook carrying many statuses is written in a few statements, not one per status", async () => {
    const { broadcast, wamids } = await sendBroadcast();
    const body = statusesWebhook(
      Object.entries(wamids).flatMap(([name, id]) => {
        const who = name === "siti" ? SITI : name === "budi" ? BUDI : ANI;
        return [statusOf(id, who, "delivered"), statusOf(id, who, "read", { secondsLater: 30 })];
      }),
    );
    await post(body);
    // One recordDeliveryReceipts call (a lookup and at most three updates) for the six.
    expect(batches).toBe(1);
    expect(counted).toEqual({ known: 6, unknown: 0 });
    expect(await db.delivery.count({ where: { broadcastId: broadcast, readAt: secondsAfterFixtures(30) } })).toBe(3);
  });
});

describe("a webhook is answered once its receipts are written", () => {
  it("answers 200 with the receipt already in the database", async () => {
    const { broadcast, people, wamids } = await sendBroadcast();
    expect((await cloud!.post(statusWebhook(wamids.siti, SITI, "delivered"))).status).toBe(200);
    // Nothing waited for after the answer: what Meta got a 200 for is written.
    expect(await deliveryOf(db, broadcast, people.siti)).toMatchObject({ deliveredAt: secondsAfterFixtures(5) });
  });

  it("holds each answer until its batch is written, and webhooks that come during a write share the next one", async () => {
    const { broadcast, people, wamids } = await sendBroadcast();
    // Another transaction holds Siti's delivery (PostgreSQL: its row; SQLite: the connection), so the first write waits.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holding = db.$transaction(
      async (tx) => {
        await tx.$executeRaw`UPDATE "Delivery" SET "updatedAt" = "updatedAt" WHERE "platformMessageId" = ${wamids.siti}`;
        await held;
      },
      { timeout: 60_000 },
    );
    const answered: number[] = [];
    const answer = (body: Record<string, unknown>) => cloud!.post(body).then((response) => void answered.push(response.status));
    const posts = [answer(statusWebhook(wamids.siti, SITI, "read"))];
    await expect.poll(() => cloud!.receipts.length).toBe(1);
    posts.push(answer(statusWebhook(wamids.budi, BUDI, "delivered")), answer(statusWebhook(wamids.ani, ANI, "read")));
    await expect.poll(() => cloud!.receipts.length).toBe(3);
    expect(answered).toEqual([]);

    release();
    await holding;
    await Promise.all(posts);
    expect(answered).toEqual([200, 200, 200]);
    expect(await deliveryOf(db, broadcast, people.siti)).toMatchObject({ readAt: secondsAfterFixtures(5) });
    expect(await deliveryOf(db, broadcast, people.budi)).toMatchObject({ deliveredAt: secondsAfterFixtures(5) });
    expect(await deliveryOf(db, broadcast, people.ani)).toMatchObject({ readAt: secondsAfterFixtures(5) });
    // One write per webhook would be three; Budi's and Ani's came while Siti's waited.
    expect(batches).toBeLessThanOrEqual(2);
  });

  it("answers 500 when the write fails, so Meta sends the webhook again, and the retry records it", async () => {
    const { broadcast, people, wamids } = await sendBroadcast();
    const repair = await addFailingTrigger(db, "receipts_disk_full", { table: "Delivery", event: "UPDATE", message: "disk full" });
    const webhook = statusesWebhook([statusOf(wamids.siti, SITI, "read"), statusOf(wamids.budi, BUDI, "failed", { failedWith: 131026 })]);
    expect((await cloud!.post(webhook)).status).toBe(500);
    expect(await deliveryOf(db, broadcast, people.siti)).toMatchObject({ status: "sent", deliveredAt: null, readAt: null });
    expect(await deliveryOf(db, broadcast, people.budi)).toMatchObject({ status: "sent", reason: null });

    await repair();
    await post(webhook);
    expect(await deliveryOf(db, broadcast, people.siti)).toMatchObject({ status: "sent", deliveredAt: secondsAfterFixtures(5), readAt: secondsAfterFixtures(5) });
    expect(await deliveryOf(db, broadcast, people.budi)).toMatchObject({ status: "failed", reason: "cloud_api_131026" });
  });
});

/** Runs the dispatcher once over the Cloud harness, at noon in Jakarta, and expects `sent` deliveries to go. */
async function dispatchAll(sent: number): Promise<void> {
  const dispatcher = createDispatcher({
    db,
    senders: { whatsapp: createWhatsAppBulkSender(cloud!.channel) },
    clock: createVirtualClock(NOON).date,
    renderBroadcast: renderForTest,
    logger: silentLogger,
    defaultTimeZone: "Asia/Jakarta",
    retry: { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 10_000 },
  });
  expect(await dispatcher.runOnce()).toMatchObject({ sent });
}

/** A second broadcast to the same people, for a fresh set of wamids. */
async function sendAnother() {
  const broadcast = await addBroadcast(db);
  const contacts = await db.contact.findMany({ select: { id: true, identities: { select: { externalId: true } } } });
  const idOf = (waId: string) => contacts.find((c) => c.identities.some((i) => i.externalId === waId))!.id;
  const people = { siti: idOf(SITI.waId), budi: idOf(BUDI.waId), ani: idOf(ANI.waId) };
  await queueDeliveries(db, broadcast, Object.values(people));
  await dispatchAll(3);
  return { broadcast, people, wamids: { siti: (await deliveryOf(db, broadcast, people.siti)).platformMessageId! } };
}

describe("a late 131047 (the window had closed after all)", () => {
  it("sends the template decided beforehand, and the delivery names the template's wamid", async () => {
    const { broadcast, people, wamids } = await sendBroadcastWithTemplate();
    await post(statusWebhook(wamids.siti, SITI, "failed", 131047));
    // Answered once the template went and the delivery names it, like any other receipt: nothing waited for after the 200.
    expect(cloud!.api.requests).toHaveLength(2);
    expect(await deliveryOf(db, broadcast, people.siti)).toMatchObject({ status: "sent", reason: null, platformMessageId: "wamid.FAKE000002", sentAs: "template" });
    // Its receipts now come for the template.
    await post(statusWebhook("wamid.FAKE000002", SITI, "read"));
    expect(await deliveryOf(db, broadcast, people.siti)).toMatchObject({ status: "sent", readAt: secondsAfterFixtures(5) });
  });

  it("answers 500 when the replacement cannot be written, and Meta's resend writes it without sending the template again", async () => {
    const { broadcast, people, wamids } = await sendBroadcastWithTemplate();
    const repair = await addFailingTrigger(db, "receipts_disk_full", { table: "Delivery", event: "UPDATE", message: "disk full" });
    const webhook = statusWebhook(wamids.siti, SITI, "failed", 131047);
    expect((await cloud!.post(webhook)).status).toBe(500);
    expect(cloud!.api.requests).toHaveLength(2);
    expect(await deliveryOf(db, broadcast, people.siti)).toMatchObject({ status: "sent", platformMessageId: wamids.siti, sentAs: "text" });

    await repair();
    await post(webhook);
    expect(cloud!.api.requests).toHaveLength(2);
    expect(await deliveryOf(db, broadcast, people.siti)).toMatchObject({ status: "sent", reason: null, platformMessageId: "wamid.FAKE000002", sentAs: "template" });
  });

  it("with no template to fall back on, fails the delivery with 131047", async () => {
    const { broadcast, people, wamids } = await sendBroadcast();
    await post(statusWebhook(wamids.siti, SITI, "failed", 131047));
    expect(await deliveryOf(db, broadcast, people.siti)).toMatchObject({ status: "failed", reason: "cloud_api_131047" });
    expect(cloud!.unsent).toEqual([]);
  });
});

async function sendBroadcastWithTemplate() {
  const siti = await addContact(db, { whatsapp: SITI.waId, lastInboundAt: { whatsapp: new Date(Date.parse(NOON) - HOUR) } });
  const broadcast = await addBroadcast(db);
  await queueDeliveries(db, broadcast, [siti]);
  cloud = await startCloudHarness({ engine: recordingEngine(echo), templates: { "*": { name: "relawan_kabar", language: "id" } }, onReceipts: (receipts) => writer.add(receipts) });
  await dispatchAll(1);
  const delivery = await deliveryOf(db, broadcast, siti);
  expect(delivery).toMatchObject({ platformMessageId: "wamid.FAKE000001", sentAs: "text" });
  return { broadcast, people: { siti }, wamids: { siti: delivery.platformMessageId! } };
}
