import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { InboundMessage, Reply } from "../../../src/conversation/types.js";
import { createChannelLimiter } from "../../../src/delivery/createChannelLimiter.js";
import { echo, recordingEngine } from "./recordingEngine.js";
import { APOLOGY, SHARE_PHONE, TOKEN, startTelegramHarness, type TelegramHarness } from "./startTelegramHarness.js";
import {
  BUDI,
  DATE_OF_FIXTURES,
  SITI,
  callbackQuery,
  contactMessage,
  groupTextMessage,
  myChatMember,
  stickerMessage,
  textMessage,
} from "./updates.js";

let harness: TelegramHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function start(respond: (message: InboundMessage) => Reply[] | Promise<Reply[]>) {
  const engine = recordingEngine(respond);
  harness = await startTelegramHarness({ engine });
  return { engine, api: harness.api, harness };
}

describe("Telegram channel, long polling", () => {
  it("sends replies through the channel's limiter, each one with a slot of its send window, given back when the call is over", async () => {
    let admitted = 0;
    const done: string[] = [];
    const sendWindow = { grant: async () => ({ slots: [`slot${++admitted}`], waitMs: 0 }), done: (slot: string) => void done.push(slot) };
    const limiter = createChannelLimiter({ perSecond: 30, perChatPerSecond: 1, sendWindow });
    harness = await startTelegramHarness({ engine: recordingEngine(() => [{ text: "satu" }, { text: "dua" }]), limiter });
    harness.api.pushUpdate(textMessage("halo"));
    await harness.api.waitFor((rs) => (rs.filter((r) => r.method === "sendMessage").length === 2 ? true : undefined));
    expect(admitted).toBe(2);
    await limiter.stop();
    expect(done.sort()).toEqual(["slot1", "slot2"]);
  });

  it("delivers a text update to the engine and sends the reply with the exact Bot API body", async () => {
    const { engine, api } = await start(() => [
      { title: "Kamu bilang", text: "<script>&", choices: [{ id: "volunteer", label: "Jadi relawan" }] },
    ]);
    api.pushUpdate(textMessage("Halo <b>bot</b>"));

    const sent = await api.waitFor((rs) => rs.find((r) => r.method === "sendMessage"));
    expect(sent).toEqual({
      method: "sendMessage",
      token: TOKEN,
      body: {
        chat_id: SITI.id,
        text: "<b>Kamu bilang</b>\n&lt;script&gt;&amp;",
        parse_mode: "HTML",
        reply_markup: { inline_keyboard: [[{ text: "Jadi relawan", callback_data: "volunteer" }]] },
      },
    });
    expect(engine.handled).toEqual([
      {
        channel: "telegram",
        externalId: String(SITI.id),
        kind: "text",
        text: "Halo <b>bot</b>",
        displayName: "Siti",
        languageHint: "id",
        receivedAt: DATE_OF_FIXTURES,
        messageId: expect.stringMatching(new RegExp(`^m:${SITI.id}:\\d+$`)),
      },
    ]);
    const methods = api.requests.map((r) => r.method);
    expect(methods.slice(0, 3)).toEqual(["getMe", "deleteWebhook", "getUpdates"]);
    expect(api.calls("getUpdates")[0]?.body).toMatchObject({ allowed_updates: ["message", "callback_query", "my_chat_member"] });
    expect(harness?.channel.botUsername()).toBe("relawan_test_bot");
  });

  it("answers a button press first, then hands the engine a choice", async () => {
    const { engine, api } = await start(echo);
    const press = callbackQuery("volunteer");
    api.pushUpdate(press);

    await api.waitFor((rs) => rs.some((r) => r.method === "sendMessage"));
    const methods = api.requests.map((r) => r.method).filter((m) => m !== "getUpdates");
    expect(methods).toEqual(["getMe", "deleteWebhook", "answerCallbackQuery", "sendMessage"]);
    const queryId = (press as { callback_query: { id: string } }).callback_query.id;
    expect(api.calls("answerCallbackQuery")[0]?.body).toEqual({ callback_query_id: queryId });
    expect(engine.handled).toMatchObject([{ kind: "choice", choiceId: "volunteer", externalId: String(SITI.id), messageId: `c:${queryId}` }]);
  });

  it("takes a phone only from the person's own contact card, and takes the phone keyboard down afterwards", async () => {
    const { engine, api } = await start((message) =>
      message.kind === "text" ? [{ text: "Boleh minta nomor HP?", requestPhone: true }] : echo(message),
    );
    api.pushUpdate(textMessage("daftar"));
    api.pushUpdate(contactMessage("6289876543210", BUDI.id)); // someone else's card
    api.pushUpdate(contactMessage("6281234567890", SITI.id)); // her own

    await api.waitFor((rs) => rs.filter((r) => r.method === "sendMessage").length === 3);
    expect(engine.handled.map((m) => [m.kind, m.sharedPhone])).toEqual([
      ["text", undefined],
      ["media", undefined],
      ["contact", "+6281234567890"],
    ]);
    const [ask, afterOther, afterOwn] = api.calls("sendMessage").map((r) => r.body);
    expect(ask?.reply_markup).toEqual({
      keyboard: [[{ text: SHARE_PHONE.id, request_contact: true }]],
      one_time_keyboard: true,
      resize_keyboard: true,
    });
    // The first plain reply after the request removes the keyboard; later ones leave markup alone.
    expect(afterOther?.reply_markup).toEqual({ remove_keyboard: true });
    expect(afterOwn).not.toHaveProperty("reply_markup");
    expect(afterOwn?.text).toBe("Nomor: +6281234567890");
  });

  it("keeps the phone keyboard up for the rest of the turn that asked for it", async () => {
    const { api } = await start(() => [{ text: "Boleh minta nomor HP?", requestPhone: true }, { text: "Atau ketik saja nomornya." }]);
    api.pushUpdate(textMessage("daftar"));
    await api.waitFor((rs) => rs.filter((r) => r.method === "sendMessage").length === 2);
    const [ask, hint] = api.calls("sendMessage").map((r) => r.body);
    expect(ask?.reply_markup).toHaveProperty("keyboard");
    expect(hint).not.toHaveProperty("reply_markup");
  });

  it("passes a sticker as media", async () => {
    const { engine, api } = await start(echo);
    api.pushUpdate(stickerMessage());
    await api.waitFor((rs) => rs.some((r) => r.method === "sendMessage"));
    expect(engine.handled).toMatchObject([{ kind: "media", externalId: String(SITI.id) }]);
    expect(engine.handled[0]).not.toHaveProperty("text");
  });

  it("drops malformed updates with one warn line each and goes on with the next", async () => {
    const { engine, api, harness } = await start(echo);
    const { message: good } = textMessage("halo") as unknown as { message: Record<string, unknown> };
    const broken = [
      api.pushUpdate({ message: null } as never),
      api.pushUpdate({ message: { ...good, from: undefined } } as never),
      api.pushUpdate({ message: { ...good, text: { bold: "halo" } } } as never),
      api.pushUpdate({ callback_query: null } as never),
    ];
    api.pushUpdate(textMessage("masih di sana?", BUDI));

    await api.waitFor((rs) => rs.some((r) => r.method === "sendMessage"));
    expect(engine.handled.map((m) => m.text)).toEqual(["masih di sana?"]);
    const warned = harness.logs.filter((l) => Number(l.level) >= 40);
    expect(warned.map((l) => [l.level, l.update_id])).toEqual(broken.map((u) => [40, u.update_id]));
    expect(warned.every((l) => typeof l.problem === "string" && !("err" in l))).toBe(true);
  });

  it("ignores group messages", async () => {
    const { engine, api } = await start(echo);
    api.pushUpdate(groupTextMessage("halo bot"));
    api.pushUpdate(textMessage("halo", BUDI));

    await api.waitFor((rs) => rs.some((r) => r.method === "sendMessage"));
    await sleep(50);
    expect(engine.handled.map((m) => m.externalId)).toEqual([String(BUDI.id)]);
    expect(api.calls("sendMessage").map((r) => r.body.chat_id)).toEqual([BUDI.id]);
  });

  it("tells the engine when the person blocks the bot", async () => {
    const { engine, api } = await start(echo);
    api.pushUpdate(myChatMember("kicked"));
    api.pushUpdate(myChatMember("member", SITI));

    await vi.waitFor(() => expect(engine.unreachable).toHaveLength(1));
    await sleep(50);
    expect(engine.unreachable).toEqual([{ channel: "telegram", externalId: String(SITI.id), at: new Date(DATE_OF_FIXTURES.getTime() + 60_000) }]);
    expect(engine.handled).toEqual([]);
    expect(api.calls("sendMessage")).toEqual([]);
  });

  it("apologises when the engine throws, logs the update_id, and keeps going", async () => {
    const { engine, api, harness } = await start((message) => {
      if (message.text === "boom") throw new Error("database is locked");
      return echo(message);
    });
    const failing = api.pushUpdate(textMessage("boom", BUDI));
    api.pushUpdate(textMessage("masih di sana?", BUDI));

    await api.waitFor((rs) => rs.filter((r) => r.method === "sendMessage").length === 2);
    expect(api.calls("sendMessage").map((r) => r.body.text)).toEqual([APOLOGY.en, "Kamu bilang: masih di sana?"]);
    expect(engine.handled).toHaveLength(2);
    const errorLog = harness.logs.find((l) => l.level === 50);
    expect(errorLog).toMatchObject({ update_id: failing.update_id, err: { message: "database is locked" } });
  });

  it("handles two quick messages from one person one at a time, in order, without holding up others", async () => {
    const events: string[] = [];
    let active = 0;
    let overlapped = false;
    let budiDone!: () => void;
    const budiHandled = new Promise<void>((resolve) => (budiDone = resolve));
    const { api } = await start(async (message) => {
      events.push(`start ${message.text}`);
      if (message.externalId === String(BUDI.id)) {
        budiDone();
      } else {
        active += 1;
        if (active > 1) overlapped = true;
        // Siti's first turn only finishes once Budi's was handled: a global queue would deadlock here.
        if (message.text === "satu") await budiHandled;
        await sleep(30);
        active -= 1;
      }
      events.push(`end ${message.text}`);
      return echo(message);
    });
    api.pushUpdate(textMessage("satu", SITI, 21));
    api.pushUpdate(textMessage("dua", SITI, 22));
    api.pushUpdate(textMessage("tiga", BUDI, 23));

    await api.waitFor((rs) => rs.filter((r) => r.method === "sendMessage").length === 3);
    expect(overlapped).toBe(false);
    const siti = events.filter((e) => !e.includes("tiga"));
    expect(siti).toEqual(["start satu", "end satu", "start dua", "end dua"]);
    expect(events.indexOf("end tiga")).toBeLessThan(events.indexOf("end satu"));
    const toSiti = api.calls("sendMessage").filter((r) => r.body.chat_id === SITI.id);
    expect(toSiti.map((r) => r.body.text)).toEqual(["Kamu bilang: satu", "Kamu bilang: dua"]);
  });

  it("marks the person unreachable when Telegram says they blocked the bot, without an apology", async () => {
    const { engine, api } = await start(echo);
    api.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    api.pushUpdate(textMessage("halo"));

    await vi.waitFor(() => expect(engine.unreachable).toHaveLength(1));
    expect(engine.unreachable[0]).toMatchObject({ channel: "telegram", externalId: String(SITI.id) });
    await sleep(50);
    expect(api.calls("sendMessage")).toHaveLength(1);
  });

  it("waits out a short 429 and sends the message once", async () => {
    const { api } = await start(echo);
    api.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    api.pushUpdate(textMessage("halo"));

    const first = await api.waitFor((rs) => rs.find((r) => r.method === "sendMessage"));
    const firstAt = Date.now();
    await api.waitFor((rs) => rs.filter((r) => r.method === "sendMessage").length === 2);
    expect(Date.now() - firstAt).toBeGreaterThanOrEqual(900);
    const [, retry] = api.calls("sendMessage");
    expect(retry?.body).toEqual(first.body);
  });

  it("stops polling cleanly and confirms the handled updates", async () => {
    const { api, harness } = await start(echo);
    const last = api.pushUpdate(textMessage("halo"));
    await api.waitFor((rs) => rs.some((r) => r.method === "sendMessage"));

    await harness.channel.stop();
    const afterStop = api.requests.length;
    const lastPoll = api.calls("getUpdates").at(-1);
    // telegraf's final getUpdates call acknowledges everything handled, so a restart does not replay it.
    expect(lastPoll?.body).toEqual({ offset: last.update_id + 1, limit: 1 });
    await sleep(300);
    expect(api.requests.length).toBe(afterStop);
  });

  it("can be stopped right after start, before telegraf has begun polling", async () => {
    const { api, harness } = await start(echo);
    await harness.channel.stop();
    const afterStop = api.requests.length;
    await sleep(300);
    expect(api.requests.length).toBe(afterStop);
  });
});
