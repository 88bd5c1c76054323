// A broadcast on the WhatsApp Cloud API, end to end: the dispatcher decides text or template from
// when each person last wrote (loaded with the batch), the real Cloud adapter renders it and posts
// it to a fake Graph API over HTTP, and whoever cannot get it is skipped with a reason staff read
// in the closing report.
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createWhatsAppBulkSender } from "../../src/channels/whatsapp/createWhatsAppBulkSender.js";
import { createProgressFormatter } from "../../src/conversation/createProgressFormatter.js";
import { createTranslator, readLocaleResources } from "../../src/conversation/createTranslator.js";
import type { Database } from "../../src/db/client.js";
import { createDispatcher } from "../../src/delivery/createDispatcher.js";
import { readBroadcastProgress } from "../../src/domain/broadcasts/readBroadcastProgress.js";
import { echo, recordingEngine } from "../channels/telegram/recordingEngine.js";
import { startCloudHarness, type CloudHarness } from "../channels/whatsapp/cloud/startCloudHarness.js";
import { repoRoot } from "../support/createTestApp.js";
import { createTestDatabase, type TestDatabase } from "../support/createTestDatabase.js";
import { graphErrors } from "../support/fakeGraphApi.js";
import { createVirtualClock, type VirtualClock } from "./support/createVirtualClock.js";
import { addBroadcast, addContact, deliveryOf, queueDeliveries, renderForTest, silentLogger } from "./support/seedCampaign.js";

const HOUR = 60 * 60 * 1000;
const ID_TEMPLATE = { name: "relawan_kabar", language: "id" };

let t: TestDatabase;
let db: Database;
let clock: VirtualClock;
let cloud: CloudHarness | undefined;

beforeEach(async () => {
  t = await createTestDatabase();
  db = t.db;
  clock = createVirtualClock("2029-01-10T05:00:00Z"); // noon in Jakarta
});
afterEach(async () => {
  await cloud?.stop();
  cloud = undefined;
  await t.close();
});

const ago = (hours: number) => new Date(clock.now() - hours * HOUR);

async function dispatchOverCloud(templates: Record<string, { name: string; language: string }>, fetch?: typeof globalThis.fetch) {
  cloud = await startCloudHarness({ engine: recordingEngine(echo), templates, ...(fetch ? { fetch } : {}) });
  const dispatcher = createDispatcher({
    db,
    senders: { whatsapp: createWhatsAppBulkSender(cloud.channel) },
    clock: clock.date,
    renderBroadcast: renderForTest,
    logger: silentLogger,
    defaultTimeZone: "Asia/Jakarta",
    retry: { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 10_000 },
  });
  return { api: cloud.api, dispatcher };
}

describe("the 24-hour window, decided by the delivery layer", () => {
  it("sends free text inside the window, the template outside it, and skips a language with no approved template", async () => {
    const ids = {
      recent: await addContact(db, { whatsapp: "6281200000001", lastInboundAt: { whatsapp: ago(2) } }),
      lapsed: await addContact(db, { whatsapp: "6281200000002", lastInboundAt: { whatsapp: ago(30) } }),
      imported: await addContact(db, { whatsapp: "6281200000003" }),
      english: await addContact(db, { whatsapp: "6281200000004", language: "en", lastInboundAt: { whatsapp: ago(30) } }),
    };
    const broadcast = await addBroadcast(db);
    await queueDeliveries(db, broadcast, Object.values(ids));
    const { api, dispatcher } = await dispatchOverCloud({ id: ID_TEMPLATE });

    const summary = await dispatcher.runOnce();
    expect(summary).toMatchObject({ claimed: 4, sent: 3, skipped: 1 });
    const byRecipient = Object.fromEntries(api.sent().map((body) => [body.to, body.type]));
    expect(byRecipient).toEqual({ "6281200000001": "text", "6281200000002": "template", "6281200000003": "template" });
    expect(api.sent().find((body) => body.to === "6281200000002")).toMatchObject({
      template: { name: "relawan_kabar", language: { code: "id" }, components: [{ parameters: [{ text: "Halo relawan! · Balas STOP untuk berhenti" }] }] },
    });
    expect(await deliveryOf(db, broadcast, ids.english)).toMatchObject({ status: "skipped", reason: "no_template_language", channel: null });
    // Each sent delivery keeps the wamid Meta answered (its status webhooks name it) and the form it went in.
    const wamidOf = Object.fromEntries(api.requests.map((r, i) => [r.body.to, `wamid.FAKE${String(i + 1).padStart(6, "0")}`]));
    expect(await deliveryOf(db, broadcast, ids.recent)).toMatchObject({ status: "sent", platformMessageId: wamidOf["6281200000001"], sentAs: "text" });
    expect(await deliveryOf(db, broadcast, ids.lapsed)).toMatchObject({ status: "sent", platformMessageId: wamidOf["6281200000002"], sentAs: "template" });
    expect(await deliveryOf(db, broadcast, ids.imported)).toMatchObject({ status: "sent", platformMessageId: wamidOf["6281200000003"], sentAs: "template" });
    // The skip is the delivery's own: no second "unsent notice" row beside it.
    expect(await db.delivery.count()).toBe(4);

    const progress = await readBroadcastProgress(db, broadcast, clock.date());
    expect(progress?.skippedByReason).toEqual({ no_template_language: 1 });
    const translator = createTranslator(readLocaleResources(join(repoRoot, "locales")), "id");
    expect(createProgressFormatter(translator.forLanguage("en"))(progress!, "final")).toContain("no approved WhatsApp template in their language: 1");
    expect(createProgressFormatter(translator.forLanguage("id"))(progress!, "final")).toContain("tidak ada template WhatsApp yang disetujui dalam bahasanya: 1");
  });

  it("with no template, skips everyone outside the window as outside_24h_window without calling the API for them", async () => {
    const ids = {
      recent: await addContact(db, { whatsapp: "6281200000001", lastInboundAt: { whatsapp: ago(23.9) } }),
      lapsed: await addContact(db, { whatsapp: "6281200000002", lastInboundAt: { whatsapp: ago(24) } }),
    };
    const broadcast = await addBroadcast(db);
    await queueDeliveries(db, broadcast, Object.values(ids));
    const { api, dispatcher } = await dispatchOverCloud({});
    await dispatcher.runOnce();
    expect(api.requests.map((r) => r.body.to)).toEqual(["6281200000001"]);
    expect(await deliveryOf(db, broadcast, ids.recent)).toMatchObject({ status: "sent" });
    expect(await deliveryOf(db, broadcast, ids.lapsed)).toMatchObject({ status: "skipped", reason: "outside_24h_window" });
  });

  it("falls back to the template decided beforehand when Meta answers 131047 to text our records allowed", async () => {
    const id = await addContact(db, { whatsapp: "6281200000001", lastInboundAt: { whatsapp: ago(1) } });
    const broadcast = await addBroadcast(db);
    await queueDeliveries(db, broadcast, [id]);
    const { api, dispatcher } = await dispatchOverCloud({ "*": ID_TEMPLATE });
    api.failNext({ status: 400, error: graphErrors.reEngagement() });
    await dispatcher.runOnce();
    expect(api.requests.map((r) => [r.answered, r.body.type])).toEqual([
      [400, "text"],
      [200, "template"],
    ]);
    // The refused text got no wamid: the delivery names the template's.
    expect(await deliveryOf(db, broadcast, id)).toMatchObject({ status: "sent", platformMessageId: "wamid.FAKE000001", sentAs: "template" });
  });

  it("a 131047 with no template to fall back on is skipped as outside_24h_window", async () => {
    const id = await addContact(db, { whatsapp: "6281200000001", lastInboundAt: { whatsapp: ago(1) } });
    const broadcast = await addBroadcast(db);
    await queueDeliveries(db, broadcast, [id]);
    const { api, dispatcher } = await dispatchOverCloud({});
    api.failNext({ status: 400, error: graphErrors.reEngagement() });
    await dispatcher.runOnce();
    expect(await deliveryOf(db, broadcast, id)).toMatchObject({ status: "skipped", reason: "outside_24h_window" });
    expect(await db.delivery.count()).toBe(1);
  });
});

describe("a send that got no answer", () => {
  it("is uncertain, not sent again: the request reached Meta and its answer was lost", async () => {
    const id = await addContact(db, { whatsapp: "6281200000001", lastInboundAt: { whatsapp: ago(1) } });
    const broadcast = await addBroadcast(db);
    await queueDeliveries(db, broadcast, [id]);
    // Meta takes the message; its answer never comes back in time.
    const answerLost: typeof globalThis.fetch = async (input, init) => {
      await globalThis.fetch(input, init);
      throw new DOMException("The operation was aborted due to timeout", "TimeoutError");
    };
    const { api, dispatcher } = await dispatchOverCloud({}, answerLost);
    await dispatcher.runOnce();
    expect(api.requests).toHaveLength(1);
    expect(await deliveryOf(db, broadcast, id)).toMatchObject({ status: "uncertain" });
  });
});
