// Issue 14: one chatty person stalled everyone in polling mode. telegraf waits for a whole getUpdates
// batch, and one chat's replies leave at 1 per second; 15 x /datasaya from one person delayed another
// person's /start by 26 s (normally 25 ms).
import { afterEach, describe, expect, it } from "vitest";
import { createChannelLimiter, type ChannelLimiter } from "../../../src/delivery/createChannelLimiter.js";
import { createTestApp, type TestApp } from "../../support/createTestApp.js";
import { createVirtualClock } from "../../delivery/support/createVirtualClock.js";
import { startTelegramHarness, type TelegramHarness } from "./startTelegramHarness.js";
import { BUDI, SITI, textMessage } from "./updates.js";

let app: TestApp | undefined;
let harness: TelegramHarness | undefined;
let limiter: ChannelLimiter | undefined;
afterEach(async () => {
  // The flooder's replies still trickle out at 1/s; stopping the limiter first drops them.
  await limiter?.stop();
  await harness?.stop();
  await app?.close();
  app = undefined;
  harness = undefined;
  limiter = undefined;
});

const sendsTo = (h: TelegramHarness, chatId: number) => h.api.calls("sendMessage").filter((r) => r.body.chat_id === chatId);

describe("Telegram, one chat's replies hold up nobody else", () => {
  it.each(["polling", "webhook"] as const)("answers a quiet person's /start at once while another sends 15 x /datasaya (%s)", async (mode) => {
    app = await createTestApp();
    // The limiter's time stands still until the test moves it: Siti's replies, one a second, wait
    // for it, while a reply that waits on nobody else's goes out without any time passing.
    const time = createVirtualClock();
    limiter = createChannelLimiter({ perSecond: 30, perChatPerSecond: 1, evenSpacing: false, now: time.now, sleep: time.sleep });
    harness = await startTelegramHarness({ engine: app.engine, limiter, webhook: mode === "webhook" });
    const h = harness;
    const send = async (update: ReturnType<typeof textMessage>, id: number) => {
      if (mode === "polling") return void h.api.pushUpdate(update);
      const res = await fetch(`${h.webhookBase}/telegram/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "relawan_webhook-Secret_42" },
        body: JSON.stringify({ ...update, update_id: id }),
      });
      expect(res.status).toBe(200);
    };

    await send(textMessage("/start", SITI), 1);
    await h.api.waitFor(() => sendsTo(h, SITI.id).length >= 1);
    const flood = Array.from({ length: 15 }, (_, i) => send(textMessage("/datasaya", SITI), 10 + i));
    await Promise.all(flood);
    // Her turns are all taken; her replies wait for their second, which never comes while time stands still.
    while ((await app.db.inboundReceipt.count()) < 16) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sendsTo(h, SITI.id)).toHaveLength(1);

    await send(textMessage("/start", BUDI), 100);
    // Before the fix: behind the whole batch of Siti's replies, so never, with the time held.
    await h.api.waitFor(() => sendsTo(h, BUDI.id).length >= 1, 15_000);
    expect(sendsTo(h, SITI.id)).toHaveLength(1);
    expect(await app.db.inboundReceipt.count()).toBe(17);

    // Siti's replies keep their order and their pace: they still go out as her seconds pass.
    while (sendsTo(h, SITI.id).length < 16) {
      time.advance(1_100);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }, 60_000);
});
