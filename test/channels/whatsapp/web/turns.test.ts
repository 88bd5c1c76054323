import { afterEach, describe, expect, it } from "vitest";
import type { InboundMessage, Reply } from "../../../../src/conversation/types.js";
import { echo, recordingEngine } from "../../telegram/recordingEngine.js";
import { fakeWhatsAppClient, type FakeWhatsAppClient } from "./fakeWhatsAppClient.js";
import {
  BUDI,
  SITI,
  SITI_LID,
  broadcastListMessage,
  groupTextMessage,
  lidTextMessage,
  mediaMessage,
  newsletterMessage,
  noticeMessage,
  ownMessage,
  statusMessage,
  textMessage,
  vcardMessage,
} from "./messages.js";
import { APOLOGY, PICK_BY_NUMBER, settle, startWhatsAppHarness, type WhatsAppHarness } from "./startWhatsAppHarness.js";

let harness: WhatsAppHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function start(respond: (message: InboundMessage) => Reply[] | Promise<Reply[]>, client?: FakeWhatsAppClient) {
  const engine = recordingEngine(respond);
  harness = await startWhatsAppHarness({ engine, ...(client ? { client } : {}) });
  harness.connect();
  return { engine, client: harness.client, harness };
}

describe("WhatsApp (whatsapp-web.js) channel, turns", () => {
  it("hands a private text to the engine and sends the reply as numbered text to the person's chat", async () => {
    const { engine, client } = await start(() => [
      { title: "Mau bantu apa?", text: "Pilih satu:", choices: [{ id: "volunteer", label: "Jadi relawan" }, { id: "ask", label: "Tanya program" }] },
    ]);
    client.emit("message", textMessage("Halo"));
    await settle();

    expect(engine.handled).toEqual([
      {
        channel: "whatsapp",
        externalId: SITI.number,
        kind: "text",
        text: "Halo",
        senderPhone: "+6281234567890",
        displayName: "Siti",
        receivedAt: new Date("2026-01-01T00:00:00Z"),
        messageId: expect.any(String),
      },
    ]);
    expect(client.sent).toEqual([
      {
        chatId: "6281234567890@c.us",
        text: `*Mau bantu apa?*\n\nPilih satu:\n\n1. Jadi relawan\n2. Tanya program\n\n_${PICK_BY_NUMBER.id}_`,
      },
    ]);
  });

  it("sends every reply of a turn, in order", async () => {
    const { client } = await start(() => [{ text: "satu" }, { text: "dua" }]);
    client.emit("message", textMessage("halo"));
    await settle();
    expect(client.sent.map((s) => s.text)).toEqual(["satu", "dua"]);
  });

  it("ignores groups, status updates, channels, broadcast lists, our own messages and WhatsApp's notices", async () => {
    const { engine, client } = await start(echo);
    for (const message of [
      groupTextMessage("halo bot"),
      statusMessage(),
      newsletterMessage(),
      broadcastListMessage(),
      ownMessage("catatan untuk diri sendiri"),
      noticeMessage("revoked"),
      noticeMessage("e2e_notification"),
      noticeMessage("notification_template"),
      noticeMessage("call_log"),
      noticeMessage("protocol"),
    ]) {
      client.emit("message", message);
    }
    client.emit("message", textMessage("halo", BUDI));
    await settle();

    expect(engine.handled.map((m) => m.externalId)).toEqual([BUDI.number]);
    expect(client.sent).toEqual([{ chatId: `${BUDI.number}@c.us`, text: "Kamu bilang: halo" }]);
  });

  it("passes stickers and photos as media and the person's own contact card as their phone", async () => {
    const { engine, client } = await start(echo);
    client.emit("message", mediaMessage("sticker"));
    client.emit("message", mediaMessage("image", "Posko kami"));
    client.emit("message", vcardMessage(BUDI));
    client.emit("message", vcardMessage(SITI));
    await settle();

    expect(engine.handled.map((m) => [m.kind, m.text, m.sharedPhone])).toEqual([
      ["media", undefined, undefined],
      ["media", "Posko kami", undefined],
      ["media", undefined, undefined],
      ["contact", undefined, "+6281234567890"],
    ]);
    expect(client.sent.at(-1)).toEqual({ chatId: "6281234567890@c.us", text: "Nomor: +6281234567890" });
  });

  it("handles two quick messages from one person one at a time, in order, without holding up others", async () => {
    const events: string[] = [];
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    const { client } = await start(async (message) => {
      events.push(`start ${message.text}`);
      if (message.text === "satu") await firstHeld;
      events.push(`end ${message.text}`);
      return echo(message);
    });
    client.emit("message", textMessage("satu"));
    client.emit("message", textMessage("dua"));
    client.emit("message", textMessage("tiga", BUDI));
    await settle();

    // Siti's second message waits for her first; Budi's does not.
    expect(events).toEqual(["start satu", "start tiga", "end tiga"]);
    releaseFirst();
    await settle();
    expect(events).toEqual(["start satu", "start tiga", "end tiga", "end satu", "start dua", "end dua"]);
    const toSiti = client.sent.filter((s) => s.chatId === `${SITI.number}@c.us`).map((s) => s.text);
    expect(toSiti).toEqual(["Kamu bilang: satu", "Kamu bilang: dua"]);
  });

  it("apologises when the engine throws, logs the message id, and handles the next message", async () => {
    const { engine, client, harness } = await start((message) => {
      if (message.text === "boom") throw new Error("database is locked");
      return echo(message);
    });
    const failing = textMessage("boom");
    client.emit("message", failing);
    client.emit("message", textMessage("masih di sana?"));
    await settle();

    expect(client.sent).toEqual([
      { chatId: "6281234567890@c.us", text: APOLOGY.id },
      { chatId: "6281234567890@c.us", text: "Kamu bilang: masih di sana?" },
    ]);
    expect(engine.handled).toHaveLength(2);
    expect(harness.logs.find((l) => l.level === 50)).toMatchObject({
      message_id: failing.id._serialized,
      err: { message: "database is locked" },
      msg: "WhatsApp turn failed",
    });
  });

  it("survives a send that fails and an apology that fails too", async () => {
    const { client, harness } = await start(echo);
    client.sendError = new Error("Protocol error (Runtime.callFunctionOn): Session closed.");
    client.emit("message", textMessage("halo"));
    await settle();
    expect(harness.logs.map((l) => l.msg)).toEqual(expect.arrayContaining(["WhatsApp turn failed", "WhatsApp apology failed"]));

    client.sendError = undefined;
    client.emit("message", textMessage("lagi"));
    await settle();
    expect(client.sent).toEqual([{ chatId: "6281234567890@c.us", text: "Kamu bilang: lagi" }]);
  });

  it("drops a message of a shape whatsapp-web.js never sends with one warn line naming it, and goes on", async () => {
    const { client, engine, harness } = await start(echo);
    const good = textMessage("halo");
    const broken = [{}, null, { ...textMessage("x"), body: 42 }, { ...textMessage("x"), id: null }, { ...textMessage("x"), from: undefined }];
    for (const payload of broken) expect(() => client.emit("message", payload as never)).not.toThrow();
    client.emit("message", good);
    await settle();

    expect(engine.handled.map((m) => m.text)).toEqual(["halo"]);
    const warned = harness.logs.filter((l) => Number(l.level) >= 40);
    expect(warned.map((l) => l.level)).toEqual([40, 40, 40, 40, 40]);
    expect(warned[2]).toMatchObject({ message_id: (broken[2] as { id: { _serialized: string } }).id._serialized, problem: expect.stringContaining("body") });
  });

  it("keys a linked-id sender by the number behind it, and answers in the linked-id chat", async () => {
    const client = fakeWhatsAppClient({ lidPhones: { [SITI_LID]: SITI.number } });
    const { engine, harness } = await start(echo, client);
    client.emit("message", lidTextMessage("halo"));
    await settle();

    expect(engine.handled).toMatchObject([{ externalId: SITI.number, senderPhone: "+6281234567890", kind: "text" }]);
    expect(client.sent).toEqual([{ chatId: SITI_LID, text: "Kamu bilang: halo" }]);
    // Later messages to the same person go where she wrote from.
    await harness.channel.sendReply(SITI.number, { text: "Terima kasih" });
    expect(client.sent.at(-1)).toEqual({ chatId: SITI_LID, text: "Terima kasih" });
  });

  it("treats a linked id whose number is unknown as an opaque id without senderPhone", async () => {
    const client = fakeWhatsAppClient({ lidPhones: { [SITI_LID]: new Error("Evaluation failed: queryWidExists") } });
    const { engine, harness } = await start(echo, client);
    client.emit("message", lidTextMessage("halo"));
    await settle();

    expect(engine.handled).toHaveLength(1);
    expect(engine.handled[0]).toMatchObject({ externalId: SITI_LID, kind: "text" });
    expect(engine.handled[0]).not.toHaveProperty("senderPhone");
    expect(client.sent).toEqual([{ chatId: SITI_LID, text: "Kamu bilang: halo" }]);
    expect(harness.logs.find((l) => l.level === 40)).toMatchObject({ msg: "could not find the number behind a WhatsApp linked id" });
    await harness.channel.sendReply(SITI_LID, { text: "Halo lagi" });
    expect(client.sent.at(-1)).toEqual({ chatId: SITI_LID, text: "Halo lagi" });
  });

  it("works with a client that cannot resolve linked ids at all", async () => {
    const { engine, client } = await start(echo);
    client.emit("message", lidTextMessage("halo"));
    await settle();
    expect(engine.handled).toMatchObject([{ externalId: SITI_LID }]);
    expect(client.sent).toEqual([{ chatId: SITI_LID, text: "Kamu bilang: halo" }]);
  });
});

describe("WhatsApp (whatsapp-web.js) channel, sending", () => {
  // The pace of what the bot starts is the dispatcher's WhatsApp limiter's (test/delivery/createWhatsAppWebLimiter.test.ts).
  it("sends messages the bot starts and replies alike", async () => {
    const { client, harness } = await start(echo);
    client.emit("message", textMessage("halo"));
    await settle();
    await harness.channel.sendReply(BUDI.number, { text: "Balasan" }, "en");
    await harness.channel.sendInitiated(BUDI.number, { text: "Ada acara besok", choices: [{ id: "rsvp", label: "Ikut" }] }, "en");
    expect(client.sent.slice(1)).toEqual([
      { chatId: `${BUDI.number}@c.us`, text: "Balasan" },
      { chatId: `${BUDI.number}@c.us`, text: `Ada acara besok\n\n1. Ikut\n\n_${PICK_BY_NUMBER.en}_` },
    ]);
  });

  it("refuses to send while WhatsApp is not connected", async () => {
    const engine = recordingEngine(echo);
    harness = await startWhatsAppHarness({ engine });
    expect(harness.channel.status()).toBe("starting");
    await expect(harness.channel.sendInitiated(SITI.number, { text: "x" })).rejects.toThrow("WhatsApp is not connected (status: starting)");
    await expect(harness.channel.sendReply(SITI.number, { text: "x" })).rejects.toThrow("not connected");
    expect(harness.client.sent).toEqual([]);
  });

  it("stops handling messages once stopped", async () => {
    const { engine, client, harness: h } = await start(echo);
    await h.channel.stop();
    client.emit("message", textMessage("halo"));
    await settle();
    expect(engine.handled).toEqual([]);
    expect(h.channel.status()).toBe("stopped");
    expect(client.destroyCalls).toBe(1);
  });
});
