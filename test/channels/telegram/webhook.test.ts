import http from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { echo, recordingEngine, type RecordingEngine } from "./recordingEngine.js";
import { APOLOGY, TOKEN, WEBHOOK_SECRET, startTelegramHarness, type TelegramHarness } from "./startTelegramHarness.js";
import { SITI, textMessage, withId } from "./updates.js";

let harness: TelegramHarness;
let engine: RecordingEngine;
let hook: string;

beforeEach(async () => {
  engine = recordingEngine((message) => {
    if (message.text === "boom") throw new Error("engine exploded");
    return echo(message);
  });
  harness = await startTelegramHarness({ engine, webhook: true });
  hook = `${harness.webhookBase}/telegram/webhook`;
});
afterEach(async () => {
  await harness.stop();
});

function post(body: string, secret?: string, url = hook): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret === undefined ? {} : { "x-telegram-bot-api-secret-token": secret }) },
    body,
  });
}

describe("Telegram channel, webhook", () => {
  it("registers the webhook with its secret and never long-polls", async () => {
    expect(harness.api.calls("setWebhook").map((r) => r.body)).toEqual([
      {
        url: "https://relawan.example.org/telegram/webhook",
        secret_token: WEBHOOK_SECRET,
        allowed_updates: ["message", "callback_query", "my_chat_member"],
      },
    ]);
    expect(harness.api.calls("getMe")).toHaveLength(1);
    expect(harness.api.calls("getUpdates")).toEqual([]);
    expect(harness.api.requests.every((r) => r.token === TOKEN)).toBe(true);
  });

  it("handles an update posted with the right secret: 200 once the turn is in, the reply right after", async () => {
    const res = await post(JSON.stringify(withId(textMessage("halo"), 700)), WEBHOOK_SECRET);

    expect(res.status).toBe(200);
    expect(engine.handled).toMatchObject([{ kind: "text", text: "halo", externalId: String(SITI.id) }]);
    await harness.api.waitFor((rs) => rs.some((r) => r.method === "sendMessage"));
    expect(harness.api.calls("sendMessage").map((r) => r.body)).toEqual([
      { chat_id: SITI.id, text: "Kamu bilang: halo", parse_mode: "HTML" },
    ]);
  });

  it("rejects a wrong secret with 403 and a missing one with 401, without handling anything", async () => {
    const body = JSON.stringify(withId(textMessage("halo"), 701));
    expect((await post(body, `${WEBHOOK_SECRET}x`)).status).toBe(403);
    expect((await post(body, "short")).status).toBe(403);
    expect((await post(body)).status).toBe(401);
    expect((await post(body, "")).status).toBe(401);
    expect(engine.handled).toEqual([]);
  });

  it("answers 400 to malformed JSON or JSON that is not an update, and stays up", async () => {
    expect((await post("{not json", WEBHOOK_SECRET)).status).toBe(400);
    expect((await post(JSON.stringify([1, 2]), WEBHOOK_SECRET)).status).toBe(400);
    expect((await post(JSON.stringify({ message: {} }), WEBHOOK_SECRET)).status).toBe(400);
    expect((await post(JSON.stringify(withId(textMessage("masih hidup?"), 702)), WEBHOOK_SECRET)).status).toBe(200);
    expect(engine.handled.map((m) => m.text)).toEqual(["masih hidup?"]);
  });

  it("drops an update of a shape the Bot API never sends with one warn line naming it, answers 200, and stays up", async () => {
    const res = await post(JSON.stringify({ update_id: 706, message: { message_id: 1, chat: { id: SITI.id, type: "private" }, date: 1767225600, text: 42 } }), WEBHOOK_SECRET);
    // 200, not 400: Telegram would otherwise redeliver the same update for a day.
    expect(res.status).toBe(200);
    expect(engine.handled).toEqual([]);
    const warned = harness.logs.filter((l) => Number(l.level) >= 40);
    expect(warned).toEqual([expect.objectContaining({ level: 40, update_id: 706, problem: expect.stringContaining("message.text") })]);
    expect((await post(JSON.stringify(withId(textMessage("masih hidup?"), 707)), WEBHOOK_SECRET)).status).toBe(200);
    expect(engine.handled.map((m) => m.text)).toEqual(["masih hidup?"]);
  });

  it("refuses bodies over 1 MB with 413", async () => {
    const huge = JSON.stringify({ update_id: 703, padding: "x".repeat(1024 * 1024) });
    expect((await post(huge, WEBHOOK_SECRET)).status).toBe(413);
    expect(engine.handled).toEqual([]);
  });

  it("refuses a chunked body that grows past 1 MB with 413", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(hook, { method: "POST", headers: { "x-telegram-bot-api-secret-token": WEBHOOK_SECRET } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      for (let i = 0; i < 20; i++) req.write("x".repeat(64 * 1024)); // no Content-Length: sent chunked
      req.end();
    });
    expect(status).toBe(413);
    expect((await post(JSON.stringify(withId(textMessage("halo"), 705)), WEBHOOK_SECRET)).status).toBe(200);
  });

  it("apologises for a failing turn and still answers 200, so Telegram does not redeliver it", async () => {
    const res = await post(JSON.stringify(withId(textMessage("boom"), 704)), WEBHOOK_SECRET);
    expect(res.status).toBe(200);
    await harness.api.waitFor((rs) => rs.some((r) => r.method === "sendMessage"));
    expect(harness.api.calls("sendMessage").map((r) => r.body.text)).toEqual([APOLOGY.id]);
    expect(harness.logs.find((l) => l.level === 50)).toMatchObject({ update_id: 704, err: { message: "engine exploded" } });
  });

  it("serves /healthz and nothing else", async () => {
    const health = await fetch(`${harness.webhookBase}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe("ok");
    expect((await post("{}", WEBHOOK_SECRET, `${harness.webhookBase}/telegraf/other`)).status).toBe(404);
    expect((await fetch(hook)).status).toBe(405);
  });
});
