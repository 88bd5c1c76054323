import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import type { Reply } from "../../../../src/conversation/types.js";
import type { MessageForm } from "../../../../src/delivery/types.js";
import { graphErrors } from "../../../support/fakeGraphApi.js";
import { echo, recordingEngine } from "../../telegram/recordingEngine.js";
import { SITI, TIMESTAMP, messagesWebhook, statusOf, statusWebhook, text } from "./payloads.js";
import { TEXTS, startCloudHarness, type CloudHarness } from "./startCloudHarness.js";

const TEMPLATE = { name: "relawan_kabar_terbaru", language: "id" };
const REMINDER: Reply = { title: "Pengingat", text: "Besok rapat relawan di Posko Tebet.\nJam 19.00 WIB." };
// The forms decideDelivery hands over (see test/delivery/decideDelivery.test.ts for how it picks them).
const TEXT_OR_TEMPLATE: MessageForm = { as: "text", ifClosed: { template: TEMPLATE } };
const TEXT_OR_NOTHING: MessageForm = { as: "text", ifClosed: { skip: "outside_24h_window" } };
const AS_TEMPLATE: MessageForm = { as: "template", template: TEMPLATE };

let harness: CloudHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function start(templates?: Record<string, { name: string; language: string }>): Promise<CloudHarness> {
  harness = await startCloudHarness({ engine: recordingEngine(echo), ...(templates ? { templates } : {}) });
  return harness;
}

const templateBody = (to: string, parameter: string) => ({
  messaging_product: "whatsapp",
  recipient_type: "individual",
  to,
  type: "template",
  template: { name: TEMPLATE.name, language: { code: "id" }, components: [{ type: "body", parameters: [{ type: "text", text: parameter }] }] },
});
const REMINDER_PARAMETER = "*Pengingat* · Besok rapat relawan di Posko Tebet. · Jam 19.00 WIB.";

describe("sendInitiated: sends in the form the delivery layer decided", () => {
  it("tells the delivery layer its 24-hour window and its templates", async () => {
    const h = await start({ "*": TEMPLATE });
    expect(h.channel.window).toEqual({ ms: 24 * 60 * 60 * 1000, templates: { "*": TEMPLATE } });
  });

  it("sends free text when told to", async () => {
    const h = await start();
    await expect(h.channel.sendInitiated(SITI.waId, REMINDER, undefined, TEXT_OR_TEMPLATE)).resolves.toEqual({ status: "sent", as: "text", messageId: "wamid.FAKE000001" });
    expect(h.api.sent()).toEqual([
      {
        messaging_product: "whatsapp",
        recipient_type: "individual",
        to: SITI.waId,
        type: "text",
        text: { body: "*Pengingat*\n\nBesok rapat relawan di Posko Tebet.\nJam 19.00 WIB." },
      },
    ]);
    expect(h.unsent).toEqual([]);
  });

  it("sends the approved template, with the reply as its parameter, when told to", async () => {
    const h = await start();
    await expect(h.channel.sendInitiated(SITI.waId, REMINDER, undefined, AS_TEMPLATE)).resolves.toMatchObject({ status: "sent", as: "template" });
    expect(h.api.sent()).toEqual([templateBody(SITI.waId, REMINDER_PARAMETER)]);
  });

  it("falls back to the template decided beforehand when the API answers 131047 although our records said the window was open", async () => {
    const h = await start();
    h.api.failNext({ status: 400, error: graphErrors.reEngagement() });
    await expect(h.channel.sendInitiated(SITI.waId, REMINDER, undefined, TEXT_OR_TEMPLATE)).resolves.toMatchObject({ status: "sent", as: "template" });
    expect(h.api.requests.map((r) => [r.answered, r.body.type])).toEqual([
      [400, "text"],
      [200, "template"],
    ]);
    expect(h.api.sent()).toEqual([templateBody(SITI.waId, REMINDER_PARAMETER)]);
  });

  it("answers not_sent to a 131047 with no template to fall back on, and leaves recording it to the delivery layer", async () => {
    const h = await start();
    h.api.failNext({ status: 400, error: graphErrors.reEngagement() });
    await expect(h.channel.sendInitiated(SITI.waId, REMINDER, undefined, TEXT_OR_NOTHING)).resolves.toEqual({ status: "not_sent" });
    expect(h.api.sent()).toEqual([]);
    expect(h.unsent).toEqual([]);
  });

  it("falls back when Meta reports 131047 later, in a failed-status webhook", async () => {
    const h = await start();
    await expect(h.channel.sendInitiated(SITI.waId, REMINDER, undefined, TEXT_OR_TEMPLATE)).resolves.toMatchObject({ status: "sent", as: "text" });
    const [accepted] = h.api.requests;
    expect(accepted?.answered).toBe(200);

    expect((await h.post(statusWebhook("wamid.FAKE000001", SITI, "failed", 131047))).status).toBe(200);
    // Before the answer: the template went, and the delivery was told to name its wamid from now on, not to fail.
    expect(h.api.sent()[1]).toEqual(templateBody(SITI.waId, REMINDER_PARAMETER));
    expect(h.receipts).toEqual([
      { platformMessageId: "wamid.FAKE000001", event: "replaced", at: new Date((TIMESTAMP + 5) * 1000), by: "wamid.FAKE000002", sentAs: "template" },
    ]);

    // A second report of the same failure does not send the template twice.
    expect((await h.post(statusWebhook("wamid.FAKE000001", SITI, "failed", 131047))).status).toBe(200);
    await sleep(30);
    expect(h.api.requests).toHaveLength(2);
  });

  it("answers a webhook carrying both her new message and the late 131047: the template first, then the reply", async () => {
    const h = await start();
    await h.channel.sendInitiated(SITI.waId, REMINDER, undefined, TEXT_OR_TEMPLATE);
    const both = messagesWebhook(SITI, [text("halo")]);
    const value = (both.entry as { changes: { value: Record<string, unknown> }[] }[])[0]!.changes[0]!.value;
    value.statuses = [statusOf("wamid.FAKE000001", SITI, "failed", { failedWith: 131047 })];
    expect((await h.post(both)).status).toBe(200);
    expect(h.receipts).toMatchObject([{ platformMessageId: "wamid.FAKE000001", event: "replaced", by: "wamid.FAKE000002" }]);
    await h.api.waitFor((rs) => rs.length === 3);
    expect(h.api.sent().map((body) => body.type)).toEqual(["text", "template", "text"]);
  });

  it("hands a late 131047 with no template to fall back on to the delivery layer as a failure", async () => {
    const h = await start();
    await h.channel.sendInitiated(SITI.waId, REMINDER, undefined, TEXT_OR_NOTHING);
    expect((await h.post(statusWebhook("wamid.FAKE000001", SITI, "failed", 131047))).status).toBe(200);
    await expect.poll(() => h.receipts).toEqual([{ platformMessageId: "wamid.FAKE000001", event: "failed", at: new Date((TIMESTAMP + 5) * 1000), reason: "cloud_api_131047" }]);
    // The delivery itself says so now: no second "unsent notice" row beside it.
    expect(h.unsent).toEqual([]);
    expect(h.api.requests).toHaveLength(1);
  });

  it("sends nothing for failures of messages it did not start itself, and leaves finding their delivery to the delivery layer", async () => {
    const h = await start();
    expect((await h.post(statusWebhook("wamid.SOMETHINGELSE", SITI, "failed", 131047))).status).toBe(200);
    await expect.poll(() => h.receipts).toHaveLength(1);
    await sleep(30);
    expect(h.api.requests).toEqual([]);
    expect(h.unsent).toEqual([]);
  });

  it("throws other API errors to the caller", async () => {
    const h = await start();
    h.api.failNext({ status: 401, error: graphErrors.tokenExpired() });
    await expect(h.channel.sendInitiated(SITI.waId, REMINDER, undefined, TEXT_OR_TEMPLATE)).rejects.toMatchObject({ name: "CloudApiError", code: 190, retryable: false });
  });
});

describe("sendReply", () => {
  it("renders in the given language: twelve choices as numbered text with the English hint", async () => {
    const h = await start();
    const choices = Array.from({ length: 12 }, (_, i) => ({ id: `c${i + 1}`, label: `Kecamatan ${i + 1}` }));
    await h.channel.sendReply(SITI.waId, { text: "Which district?", choices }, "en");
    const [sent] = h.api.sent();
    expect(sent).toMatchObject({ type: "text", to: SITI.waId });
    const body = (sent?.text as { body: string }).body;
    expect(body.startsWith("Which district?\n\n1. Kecamatan 1\n2. Kecamatan 2")).toBe(true);
    expect(body.endsWith(`12. Kecamatan 12\n\n_${TEXTS.pickByNumberHint.en}_`)).toBe(true);
  });
});
