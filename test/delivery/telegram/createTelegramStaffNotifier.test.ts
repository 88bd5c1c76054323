import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTelegramStaffNotifier } from "../../../src/channels/telegram/createTelegramStaffNotifier.js";
import { createChannelLimiter } from "../../../src/delivery/createChannelLimiter.js";
import { startFakeBotApi, type FakeBotApi, TEST_BOT_TOKEN } from "../../support/fakeBotApi.js";

const TOKEN = TEST_BOT_TOKEN;
let api: FakeBotApi;

beforeEach(async () => {
  api = await startFakeBotApi();
});

afterEach(async () => {
  await api.close();
});

describe("createTelegramStaffNotifier", () => {
  it("posts an escaped message, returns its id, and edits it in place", async () => {
    const notifier = createTelegramStaffNotifier({ token: TOKEN, apiRoot: api.url });
    const ref = await notifier.post("777", "Siaran <Jabar>: 0/10");
    expect(ref).toBe("1");
    await notifier.edit("777", ref!, "Siaran <Jabar>: 5/10");
    expect(api.calls("editMessageText")[0]?.body).toMatchObject({ chat_id: 777, message_id: 1, text: "Siaran &lt;Jabar&gt;: 5/10", parse_mode: "HTML" });
    expect(api.messageText(1)).toBe("Siaran &lt;Jabar&gt;: 5/10");
  });

  it("ignores Telegram's refusal of an edit that changes nothing, but not other errors", async () => {
    const notifier = createTelegramStaffNotifier({ token: TOKEN, apiRoot: api.url });
    const ref = await notifier.post("777", "Siaran: 5/10");
    await expect(notifier.edit("777", ref!, "Siaran: 5/10")).resolves.toBeUndefined();
    await expect(notifier.edit("777", "999", "Siaran: 6/10")).rejects.toThrow(/message to edit not found/);
  });

  it("through the bot's limiter, a 429 pauses the whole bot for retry_after and the edit is made once more after it", async () => {
    const limiter = createChannelLimiter({ perSecond: 30, evenSpacing: false });
    const notifier = createTelegramStaffNotifier({ token: TOKEN, apiRoot: api.url, limiter });
    const ref = await notifier.post("777", "Siaran: 1/10");
    api.failNext("editMessageText", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    const before = Date.now();
    await notifier.edit("777", ref!, "Siaran: 2/10");
    expect(limiter.pausedUntil()).toBeGreaterThanOrEqual(before + 1000);
    expect(api.calls("editMessageText")).toHaveLength(2);
    expect(api.messageText(1)).toBe("Siaran: 2/10");
    await limiter.stop();
  });
});
