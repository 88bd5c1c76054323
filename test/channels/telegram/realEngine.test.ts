// The real conversation core behind the real telegraf client, over HTTP.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../support/createTestApp.js";
import { startTelegramHarness, TOKEN, WEBHOOK_SECRET, type TelegramHarness } from "./startTelegramHarness.js";
import { callbackQuery, contactMessage, myChatMember, SITI, stickerMessage, textMessage, withId } from "./updates.js";

let app: TestApp | undefined;
let harness: TelegramHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  await app?.close();
  harness = undefined;
  app = undefined;
});

function sentTexts(h: TelegramHarness): string[] {
  return h.api.calls("sendMessage").map((r) => String((r.body as { text: string }).text));
}

async function nextSend(h: TelegramHarness, count: number) {
  return h.api.waitFor((rs) => {
    const sends = rs.filter((r) => r.method === "sendMessage");
    return sends.length >= count ? sends[count - 1] : undefined;
  });
}

describe("Telegram with the real conversation core", () => {
  it("greets, picks a language by button, records consent, signs up a volunteer with the contact button, and STOP persists", async () => {
    app = await createTestApp();
    harness = await startTelegramHarness({ engine: app.engine });
    const { api } = harness;

    api.pushUpdate(textMessage("/start"));
    const languagePrompt = await nextSend(harness, 2);
    expect(sentTexts(harness)[0]).toContain("asisten otomatis (bot) dari Tim Relawan Nusa Bakti (DEMO)");
    expect(languagePrompt.body).toMatchObject({
      chat_id: SITI.id,
      parse_mode: "HTML",
      reply_markup: { inline_keyboard: [[{ text: "Bahasa Indonesia", callback_data: "lang:id" }], [{ text: "English", callback_data: "lang:en" }]] },
    });

    api.pushUpdate(callbackQuery("lang:id"));
    const consent = await nextSend(harness, 3);
    expect(api.calls("answerCallbackQuery")).toHaveLength(1);
    expect(String((consent.body as { text: string }).text)).toContain("Bolehkah Tim Relawan Nusa Bakti (DEMO) mengirimi kamu kabar kampanye");

    api.pushUpdate(callbackQuery("consent:yes"));
    await nextSend(harness, 4);
    api.pushUpdate(callbackQuery("menu:volunteer"));
    await nextSend(harness, 5);
    api.pushUpdate(callbackQuery("privacy:yes"));
    const askName = await nextSend(harness, 6);
    expect(askName.body).toMatchObject({ text: "Siapa namamu?", reply_markup: { inline_keyboard: [[{ text: "Siti", callback_data: "name:suggested" }]] } });

    api.pushUpdate(textMessage("Siti <Rahayu> & Co"));
    const askPhone = await api.waitFor((rs) => rs.filter((r) => r.method === "sendMessage").find((r) => JSON.stringify(r.body).includes("request_contact")));
    expect(askPhone.body).toMatchObject({ reply_markup: { keyboard: [[{ request_contact: true }]], one_time_keyboard: true } });

    api.pushUpdate(contactMessage("6281234567890", SITI.id));
    await api.waitFor((rs) => rs.filter((r) => r.method === "sendMessage").find((r) => String((r.body as { text: string }).text).includes("Kamu tinggal di kabupaten/kota")));
    const contactAfterPhone = await app.db.conversationState.findFirstOrThrow();
    expect(JSON.parse(contactAfterPhone.data)).toMatchObject({ name: "Siti <Rahayu> & Co", phone: "+6281234567890", phoneVerified: true });

    api.pushUpdate(textMessage("STOP"));
    await api.waitFor((rs) => rs.filter((r) => r.method === "sendMessage").find((r) => String((r.body as { text: string }).text).includes("berhenti berlangganan")));
    const contact = await app.db.contact.findFirstOrThrow({ include: { identities: true } });
    expect(contact).toMatchObject({ optedOut: true, updatesConsent: false });
    expect(contact.identities).toMatchObject([{ channel: "telegram", externalId: String(SITI.id) }]);
  });

  it("escapes what a person typed when it is echoed back", async () => {
    app = await createTestApp();
    harness = await startTelegramHarness({ engine: app.engine });
    for (const update of [textMessage("/start"), callbackQuery("lang:id"), callbackQuery("consent:yes"), callbackQuery("menu:volunteer"), callbackQuery("privacy:yes")]) {
      harness.api.pushUpdate(update);
    }
    await nextSend(harness, 6);
    harness.api.pushUpdate(textMessage("Andi"));
    harness.api.pushUpdate(textMessage("0812345678901"));
    harness.api.pushUpdate(textMessage("<b>kota</b> bandung & sekitarnya"));
    const notFound = await harness.api.waitFor((rs) => rs.filter((r) => r.method === "sendMessage").find((r) => String((r.body as { text: string }).text).includes("tidak menemukan")));
    expect((notFound.body as { text: string }).text).toContain('"&lt;b&gt;kota&lt;/b&gt; bandung &amp; sekitarnya"');
  });

  it("answers a sticker with a text-only hint and marks a blocked person unreachable", async () => {
    app = await createTestApp();
    harness = await startTelegramHarness({ engine: app.engine });
    harness.api.pushUpdate(textMessage("/start"));
    await nextSend(harness, 2);
    harness.api.pushUpdate(callbackQuery("lang:id"));
    harness.api.pushUpdate(callbackQuery("consent:yes"));
    await nextSend(harness, 4);
    harness.api.pushUpdate(stickerMessage());
    const hint = await nextSend(harness, 5);
    expect(String((hint.body as { text: string }).text)).toContain("hanya bisa membaca pesan teks");
    harness.api.pushUpdate(myChatMember("kicked"));
    await waitUntil(async () => (await app!.db.channelIdentity.findFirst())?.unreachableAt != null);
  });

  it("serves the webhook with the real core: the right secret gets a reply, a wrong one gets 403 and nothing is stored", async () => {
    app = await createTestApp();
    harness = await startTelegramHarness({ engine: app.engine, webhook: true });
    const post = (secret: string | undefined, body: unknown) =>
      fetch(`${harness!.webhookBase}/telegram/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(secret === undefined ? {} : { "X-Telegram-Bot-Api-Secret-Token": secret }) },
        body: JSON.stringify(body),
      });
    expect((await post("wrong-secret-value", withId(textMessage("/start"), 1))).status).toBe(403);
    expect((await post(undefined, withId(textMessage("/start"), 2))).status).toBe(401);
    expect(await app.db.contact.count()).toBe(0);
    expect((await post(WEBHOOK_SECRET, withId(textMessage("/start"), 3))).status).toBe(200);
    // 200 means the turn is in the database; the replies follow on the chat's own queue.
    expect(await app.db.contact.count()).toBe(1);
    await nextSend(harness, 1);
    expect(sentTexts(harness)[0]).toContain("asisten otomatis");
    expect(harness.api.calls("setWebhook")[0]).toMatchObject({ token: TOKEN, body: { url: "https://relawan.example.org/telegram/webhook", secret_token: WEBHOOK_SECRET } });
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}
