import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import type { Reply } from "../../../../src/conversation/types.js";
import { graphErrors } from "../../../support/fakeGraphApi.js";
import { echo, recordingEngine } from "../../telegram/recordingEngine.js";
import { BUDI, SITI, statusWebhook } from "./payloads.js";
import { NOW, TEXTS, startCloudHarness, type CloudHarness } from "./startCloudHarness.js";

const TEMPLATE = { name: "relawan_kabar_terbaru", language: "id" };
const HOUR = 60 * 60 * 1000;
const REMINDER: Reply = { title: "Pengingat", text: "Besok rapat relawan di Posko Tebet.\nJam 19.00 WIB." };

let harness: CloudHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function start(template?: { name: string; language: string }): Promise<CloudHarness> {
  harness = await startCloudHarness({ engine: recordingEngine(echo), ...(template ? { template } : {}) });
  return harness;
}

function lastWrote(h: CloudHarness, who: { waId: string }, hoursAgo: number): void {
  h.lastInbound.set(who.waId, new Date(NOW.getTime() - hoursAgo * HOUR));
}

const templateBody = (to: string, parameter: string) => ({
  messaging_product: "whatsapp",
  recipient_type: "individual",
  to,
  type: "template",
  template: { name: TEMPLATE.name, language: { code: "id" }, components: [{ type: "body", parameters: [{ type: "text", text: parameter }] }] },
});
const REMINDER_PARAMETER = "*Pengingat* · Besok rapat relawan di Posko Tebet. · Jam 19.00 WIB.";

describe("sendInitiated: the 24-hour customer service window", () => {
  it("sends a free-form message to someone who wrote within 24 hours", async () => {
    const h = await start(TEMPLATE);
    lastWrote(h, SITI, 23.9);
    await expect(h.channel.sendInitiated(SITI.waId, REMINDER)).resolves.toBe("sent");
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

  it("uses the approved template, with the reply as its parameter, once 24 hours have passed", async () => {
    const h = await start(TEMPLATE);
    lastWrote(h, SITI, 24);
    await expect(h.channel.sendInitiated(SITI.waId, REMINDER)).resolves.toBe("sent_template");
    expect(h.api.sent()).toEqual([templateBody(SITI.waId, REMINDER_PARAMETER)]);
  });

  it("records the message as unsent, without calling the API, when outside the window and no template is configured", async () => {
    const h = await start();
    lastWrote(h, SITI, 30);
    await expect(h.channel.sendInitiated(SITI.waId, REMINDER)).resolves.toBe("not_sent");
    await expect(h.channel.sendInitiated(BUDI.waId, REMINDER)).resolves.toBe("not_sent"); // never wrote at all
    expect(h.api.requests).toEqual([]);
    expect(h.unsent).toEqual([
      { externalId: SITI.waId, reason: "outside_24h_window", reply: REMINDER },
      { externalId: BUDI.waId, reason: "outside_24h_window", reply: REMINDER },
    ]);
  });

  it("falls back to the template when the API answers 131047 although our records said the window was open", async () => {
    const h = await start(TEMPLATE);
    lastWrote(h, SITI, 1);
    h.api.failNext({ status: 400, error: graphErrors.reEngagement() });
    await expect(h.channel.sendInitiated(SITI.waId, REMINDER)).resolves.toBe("sent_template");
    expect(h.api.requests.map((r) => [r.answered, r.body.type])).toEqual([
      [400, "text"],
      [200, "template"],
    ]);
    expect(h.api.sent()).toEqual([templateBody(SITI.waId, REMINDER_PARAMETER)]);
  });

  it("records a 131047 refusal as unsent when no template is configured", async () => {
    const h = await start();
    lastWrote(h, SITI, 1);
    h.api.failNext({ status: 400, error: graphErrors.reEngagement() });
    await expect(h.channel.sendInitiated(SITI.waId, REMINDER)).resolves.toBe("not_sent");
    expect(h.api.sent()).toEqual([]);
    expect(h.unsent).toEqual([{ externalId: SITI.waId, reason: "outside_24h_window", reply: REMINDER }]);
  });

  it("falls back when Meta reports 131047 later, in a failed-status webhook", async () => {
    const h = await start(TEMPLATE);
    lastWrote(h, SITI, 1);
    await expect(h.channel.sendInitiated(SITI.waId, REMINDER)).resolves.toBe("sent");
    const [accepted] = h.api.requests;
    expect(accepted?.answered).toBe(200);

    expect((await h.post(statusWebhook("wamid.FAKE000001", SITI, "failed", 131047))).status).toBe(200);
    await h.api.waitFor((rs) => rs.length === 2);
    expect(h.api.sent()[1]).toEqual(templateBody(SITI.waId, REMINDER_PARAMETER));

    // A second report of the same failure does not send the template twice.
    expect((await h.post(statusWebhook("wamid.FAKE000001", SITI, "failed", 131047))).status).toBe(200);
    await sleep(30);
    expect(h.api.requests).toHaveLength(2);
  });

  it("records a late 131047 as unsent when no template is configured", async () => {
    const h = await start();
    lastWrote(h, SITI, 1);
    await h.channel.sendInitiated(SITI.waId, REMINDER);
    expect((await h.post(statusWebhook("wamid.FAKE000001", SITI, "failed", 131047))).status).toBe(200);
    await expect.poll(() => h.unsent).toEqual([{ externalId: SITI.waId, reason: "outside_24h_window", reply: REMINDER }]);
  });

  it("ignores failures of messages it did not start itself", async () => {
    const h = await start(TEMPLATE);
    expect((await h.post(statusWebhook("wamid.SOMETHINGELSE", SITI, "failed", 131047))).status).toBe(200);
    await sleep(30);
    expect(h.api.requests).toEqual([]);
    expect(h.unsent).toEqual([]);
  });

  it("throws other API errors to the caller", async () => {
    const h = await start(TEMPLATE);
    lastWrote(h, SITI, 1);
    h.api.failNext({ status: 401, error: graphErrors.tokenExpired() });
    await expect(h.channel.sendInitiated(SITI.waId, REMINDER)).rejects.toMatchObject({ name: "CloudApiError", code: 190, retryable: false });
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
