import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import type { InboundMessage, Reply } from "../../../../src/conversation/types.js";
import { echo, recordingEngine, type RecordingEngine } from "../../telegram/recordingEngine.js";
import {
  BUDI,
  DATE_OF_FIXTURES,
  SITI,
  buttonReply,
  envelope,
  messagesWebhook,
  reaction,
  statusWebhook,
  text,
  wamid,
} from "./payloads.js";
import { APP_SECRET, TEXTS, TOKEN, VERIFY_TOKEN, sign, startCloudHarness, type CloudHarness } from "./startCloudHarness.js";

let harness: CloudHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function start(
  respond: (message: InboundMessage) => Reply[] | Promise<Reply[]> = echo,
  options: Omit<Parameters<typeof startCloudHarness>[0], "engine"> = {},
): Promise<{ h: CloudHarness; engine: RecordingEngine }> {
  const engine = recordingEngine(respond);
  harness = await startCloudHarness({ engine, ...options });
  return { h: harness, engine };
}

const textBody = (to: string, body: string) => ({ messaging_product: "whatsapp", recipient_type: "individual", to, type: "text", text: { body } });

describe("WhatsApp Cloud webhook: subscription handshake", () => {
  it("answers Meta's GET with the challenge as plain text when the verify token matches", async () => {
    const { h } = await start();
    const res = await fetch(`${h.hook}?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${VERIFY_TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await res.text()).toBe("1158201444");
  });

  it("refuses a wrong token, a missing token or another mode with 403", async () => {
    const { h } = await start();
    for (const query of [
      `hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${VERIFY_TOKEN}x`,
      `hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=short`,
      `hub.mode=subscribe&hub.challenge=1158201444`,
      `hub.mode=unsubscribe&hub.challenge=1158201444&hub.verify_token=${VERIFY_TOKEN}`,
    ]) {
      const res = await fetch(`${h.hook}?${query}`);
      expect(res.status, query).toBe(403);
      expect(await res.text()).not.toContain("1158201444");
    }
  });
});

describe("WhatsApp Cloud webhook: signed notifications", () => {
  it("hands a signed text message to the engine and sends the reply with the exact Graph body", async () => {
    const { h, engine } = await start();
    const res = await h.post(messagesWebhook(SITI, [text("halo")]));

    expect(res.status).toBe(200);
    expect(engine.handled).toEqual([
      {
        channel: "whatsapp",
        externalId: SITI.waId,
        kind: "text",
        text: "halo",
        senderPhone: "+6281234567890",
        displayName: "Siti Rahayu",
        receivedAt: DATE_OF_FIXTURES,
        messageId: expect.stringMatching(/^wamid\./),
      },
    ]);
    const sent = await h.api.waitFor((rs) => rs[0]);
    expect(sent.path).toBe("/v23.0/106540352242922/messages");
    expect(sent.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sent.headers["content-type"]).toBe("application/json");
    expect(sent.body).toEqual(textBody(SITI.waId, "Kamu bilang: halo"));
  });

  it("checks the signature over the exact raw bytes, non-ASCII text included", async () => {
    const { h, engine } = await start();
    const raw = JSON.stringify(messagesWebhook(SITI, [text("Halo 👋 apa kabar? é")]));
    // The same JSON re-serialised with other whitespace is different bytes, so its signature does not match.
    const respaced = JSON.stringify(JSON.parse(raw), null, 2);
    expect((await h.post(respaced, { signature: sign(raw) })).status).toBe(401);
    expect((await h.post(raw, { signature: sign(raw) })).status).toBe(200);
    expect(engine.handled.map((m) => m.text)).toEqual(["Halo 👋 apa kabar? é"]);
  });

  it("refuses a wrong or missing signature with 401 and handles nothing", async () => {
    const { h, engine } = await start();
    const raw = JSON.stringify(messagesWebhook(SITI, [text("halo")]));
    for (const signature of [sign(raw, `${APP_SECRET}x`), sign(`${raw} `), "sha256=abc", "sha1=0123", sign(raw).replace("sha256=", ""), ""]) {
      expect((await h.post(raw, { signature })).status, signature).toBe(401);
    }
    expect((await h.post(raw, { signature: null })).status).toBe(401);
    await sleep(30);
    expect(engine.handled).toEqual([]);
    expect(h.api.requests).toEqual([]);
  });

  it("drops one malformed message of a batch with one warn line naming it, and answers the others", async () => {
    const { h, engine } = await start();
    const body = messagesWebhook(SITI, [text("satu"), text("dua")]) as { entry: { changes: { value: { messages: Record<string, unknown>[] } }[] }[] };
    const [first] = body.entry[0]!.changes[0]!.value.messages;
    first!.text = { body: 42 };
    expect((await h.post(body)).status).toBe(200);
    expect(engine.handled.map((m) => m.text)).toEqual(["dua"]);
    const warned = h.logs.filter((l) => Number(l.level) >= 40);
    expect(warned).toEqual([
      expect.objectContaining({ level: 40, msg: "whatsapp webhook part of an unexpected shape dropped", wamid: first!.id, problem: expect.stringContaining("messages.0.text.body") }),
    ]);
  });

  it("answers 400 to malformed JSON or JSON of the wrong shape, logs why, and stays up", async () => {
    const { h, engine } = await start();
    expect((await h.post("{not json")).status).toBe(400);
    expect((await h.post([1, 2])).status).toBe(400);
    expect((await h.post({ object: "page", entry: [] })).status).toBe(400);
    // Meta's envelope with a change we cannot read: that part is dropped and logged, the webhook answered 200.
    const noMetadata = envelope({ messaging_product: "whatsapp", messages: [{ from: SITI.waId, id: wamid(), timestamp: "1", type: "text" }] });
    expect((await h.post(noMetadata)).status).toBe(200);
    expect(h.logs.filter((l) => l.level === 40).map((l) => l.msg)).toEqual([
      "whatsapp webhook with malformed JSON refused",
      "whatsapp webhook of an unexpected shape refused",
      "whatsapp webhook of an unexpected shape refused",
      "whatsapp webhook part of an unexpected shape dropped",
    ]);
    expect(h.logs.find((l) => l.msg === "whatsapp webhook part of an unexpected shape dropped" && String(l.problem).includes("metadata"))).toBeDefined();

    expect((await h.post(messagesWebhook(SITI, [text("masih hidup?")]))).status).toBe(200);
    expect(engine.handled.map((m) => m.text)).toEqual(["masih hidup?"]);
  });

  it("handles a redelivered message id once", async () => {
    const { h, engine } = await start();
    const body = messagesWebhook(SITI, [text("daftar")]);
    expect((await h.post(body)).status).toBe(200);
    expect((await h.post(body)).status).toBe(200);
    await h.api.waitFor((rs) => rs.length === 1);
    await sleep(30);
    expect(engine.handled).toHaveLength(1);
    expect(h.api.requests).toHaveLength(1);
  });

  it("answers 200 to a statuses-only notification and handles nothing", async () => {
    const { h, engine } = await start();
    const res = await h.post(statusWebhook("wamid.HBgNNTUxNjk5MjMxODIyMhUCABEYEjgxQkVFRDVBQTVDODFDOTg3MQA=", SITI, "delivered"));
    expect(res.status).toBe(200);
    const failed = await h.post(statusWebhook("wamid.HBgNNTUxNjk5MjMxODIyMhUCABEYEjgxQkVFRDVBQTVDODFDOTg3MQA=", SITI, "failed", 131026));
    expect(failed.status).toBe(200);
    await sleep(30);
    expect(engine.handled).toEqual([]);
    expect(h.api.requests).toEqual([]);
    expect(h.logs.find((l) => l.msg === "whatsapp message failed after Meta accepted it")).toMatchObject({ errors: [{ code: 131026 }] });
  });

  it("answers other webhook fields with 200 and ignores them", async () => {
    const { h, engine } = await start();
    const templateStatus = envelope({ event: "APPROVED", message_template_id: 594425479261596, message_template_name: "relawan_kabar" }, "message_template_status_update");
    expect((await h.post(templateStatus)).status).toBe(200);
    expect(engine.handled).toEqual([]);
  });

  it("ignores messages to another business number on the same app", async () => {
    const { h, engine } = await start();
    expect((await h.post(messagesWebhook(SITI, [text("halo")], "999999999999999"))).status).toBe(200);
    await sleep(30);
    expect(engine.handled).toEqual([]);
    expect(h.api.requests).toEqual([]);
  });

  it("passes a reply-button tap as a choice and renders two choices as reply buttons", async () => {
    const { h, engine } = await start((message) =>
      message.kind === "choice"
        ? [{ title: "Terima kasih", text: "Mau bantu di mana?", choices: [{ id: "tps", label: "Saksi TPS" }, { id: "online", label: "Relawan online" }] }]
        : [],
    );
    expect((await h.post(messagesWebhook(SITI, [buttonReply("volunteer", "Jadi relawan")]))).status).toBe(200);
    expect(engine.handled).toMatchObject([{ kind: "choice", choiceId: "volunteer", externalId: SITI.waId }]);
    expect(engine.handled[0]).not.toHaveProperty("text");

    const sent = await h.api.waitFor((rs) => rs[0]);
    expect(sent.body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: SITI.waId,
      type: "interactive",
      interactive: {
        type: "button",
        body: { text: "*Terima kasih*\n\nMau bantu di mana?" },
        action: {
          buttons: [
            { type: "reply", reply: { id: "tps", title: "Saksi TPS" } },
            { type: "reply", reply: { id: "online", title: "Relawan online" } },
          ],
        },
      },
    });
  });

  it("records the window for a reaction but does not take a turn", async () => {
    const { h, engine } = await start();
    expect((await h.post(messagesWebhook(BUDI, [reaction()]))).status).toBe(200);
    await sleep(30);
    expect(engine.handled).toEqual([]);
    expect(h.api.requests).toEqual([]);
  });

  it("answers only after the turn is handled, and before the replies go out", async () => {
    let turnDone = false;
    let releaseSends!: () => void;
    const sendsHeld = new Promise<void>((resolve) => (releaseSends = resolve));
    const { h } = await start(
      async (message) => {
        await sleep(40);
        turnDone = true;
        return echo(message);
      },
      {
        fetch: async (url, init) => {
          await sendsHeld;
          return fetch(url, init);
        },
      },
    );

    const res = await h.post(messagesWebhook(SITI, [text("halo")]));
    expect(res.status).toBe(200);
    expect(turnDone).toBe(true);
    expect(h.api.requests).toEqual([]);
    releaseSends();
    await h.api.waitFor((rs) => rs.length === 1);
  });

  it("keeps one person's messages and replies in order across deliveries, without holding up others", async () => {
    const { h, engine } = await start(async (message) => {
      if (message.text === "satu") await sleep(60);
      return echo(message);
    });
    const first = h.post(messagesWebhook(SITI, [text("satu")]));
    await sleep(10);
    const second = h.post(messagesWebhook(SITI, [text("dua")]));
    const other = h.post(messagesWebhook(BUDI, [text("halo")]));
    expect((await other).status).toBe(200);
    expect(engine.handled.map((m) => m.text)).toEqual(["satu", "halo"]);
    expect([(await first).status, (await second).status]).toEqual([200, 200]);

    await h.api.waitFor((rs) => rs.length === 3);
    const toSiti = h.api.requests.filter((r) => r.body.to === SITI.waId).map((r) => (r.body.text as { body: string }).body);
    expect(toSiti).toEqual(["Kamu bilang: satu", "Kamu bilang: dua"]);
  });

  it("handles several messages in one delivery in order", async () => {
    const { h, engine } = await start();
    expect((await h.post(messagesWebhook(SITI, [text("satu"), text("dua")]))).status).toBe(200);
    expect(engine.handled.map((m) => m.text)).toEqual(["satu", "dua"]);
    await h.api.waitFor((rs) => rs.length === 2);
    expect(h.api.requests.map((r) => (r.body.text as { body: string }).body)).toEqual(["Kamu bilang: satu", "Kamu bilang: dua"]);
  });

  it("apologises when the engine throws, logs the wamid, and still answers 200", async () => {
    const { h } = await start((message) => {
      if (message.text === "boom") throw new Error("engine exploded");
      return echo(message);
    });
    const id = wamid();
    expect((await h.post(messagesWebhook(SITI, [text("boom", id)]))).status).toBe(200);
    const sent = await h.api.waitFor((rs) => rs[0]);
    expect(sent.body).toEqual(textBody(SITI.waId, TEXTS.apology.id));
    expect(h.logs.find((l) => l.level === 50)).toMatchObject({ wamid: id, err: { message: "engine exploded" } });
  });

  it("logs a reply the Graph API refuses and keeps serving", async () => {
    const { h, engine } = await start();
    h.api.failNext({ status: 400, error: { message: "(#100) Invalid parameter", type: "OAuthException", code: 100, fbtrace_id: "Aparam" } });
    expect((await h.post(messagesWebhook(SITI, [text("satu")]))).status).toBe(200);
    await h.api.waitFor((rs) => rs.length === 1);
    await sleep(20);
    expect(h.logs.find((l) => l.msg === "whatsapp reply not sent")).toMatchObject({ code: 100, status: 400, fbtrace_id: "Aparam" });
    expect((await h.post(messagesWebhook(SITI, [text("dua")]))).status).toBe(200);
    await h.api.waitFor((rs) => rs.length === 2);
    expect(engine.handled).toHaveLength(2);
  });

  it("refuses bodies over 1 MB with 413, declared or chunked", async () => {
    const { h, engine } = await start();
    const huge = JSON.stringify({ object: "whatsapp_business_account", padding: "x".repeat(1024 * 1024) });
    expect((await h.post(huge)).status).toBe(413);
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = http.request(h.hook, { method: "POST", headers: { "x-hub-signature-256": sign("whatever") } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      for (let i = 0; i < 20; i++) req.write("x".repeat(64 * 1024)); // no Content-Length: sent chunked
      req.end();
    });
    expect(chunked).toBe(413);
    expect((await h.post(messagesWebhook(SITI, [text("halo")]))).status).toBe(200);
    expect(engine.handled).toHaveLength(1);
  });

  it("serves /healthz, and nothing but GET and POST on the webhook path", async () => {
    const { h } = await start();
    const health = await fetch(`${h.base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe("ok");
    expect((await fetch(`${h.base}/other`, { method: "POST", body: "{}" })).status).toBe(404);
    const put = await fetch(h.hook, { method: "PUT", body: "{}" });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST");
  });
});
