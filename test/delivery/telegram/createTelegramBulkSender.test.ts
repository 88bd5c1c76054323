// The Telegram bulk sender over real HTTP against the fake Bot API: what it sends and how it
// reads each kind of answer. (It sits under test/delivery/ with the rest of the delivery work.)
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTelegramBulkSender } from "../../../src/channels/telegram/createTelegramBulkSender.js";
import { startFakeBotApi, type FakeBotApi, TEST_BOT_TOKEN } from "../../support/fakeBotApi.js";

const TOKEN = TEST_BOT_TOKEN;
let api: FakeBotApi;

beforeEach(async () => {
  api = await startFakeBotApi();
});

afterEach(async () => {
  await api.close();
});

describe("createTelegramBulkSender", () => {
  it("sends HTML-escaped text and returns the message id", async () => {
    const sender = createTelegramBulkSender({ token: TOKEN, apiRoot: api.url });
    const outcome = await sender.send("4242", { text: "Debat <Capres> & Cawapres\nBalas STOP untuk berhenti" });
    expect(outcome).toEqual({ status: "sent", platformMessageId: "1" });
    const [call] = api.calls("sendMessage");
    expect(call?.token).toBe(TOKEN);
    expect(call?.body).toEqual({ chat_id: 4242, text: "Debat &lt;Capres&gt; &amp; Cawapres\nBalas STOP untuk berhenti", parse_mode: "HTML" });
  });

  it("sends a photo with the text as its caption, and asks for paid broadcast when configured", async () => {
    const sender = createTelegramBulkSender({ token: TOKEN, apiRoot: `${api.url}/`, paidBroadcast: true });
    await sender.send("4243", { text: "Kampanye akbar", imageUrl: "https://example.org/poster.jpg" });
    expect(api.calls("sendPhoto")[0]?.body).toEqual({
      chat_id: 4243,
      photo: "https://example.org/poster.jpg",
      caption: "Kampanye akbar",
      parse_mode: "HTML",
      allow_paid_broadcast: true,
    });
  });

  it("refuses text and captions over Telegram's lengths without calling it", async () => {
    const sender = createTelegramBulkSender({ token: TOKEN, apiRoot: api.url });
    expect(await sender.send("1", { text: "x".repeat(4097) })).toEqual({ status: "failed", reason: "text_too_long" });
    expect(await sender.send("1", { text: "x".repeat(1025), imageUrl: "https://example.org/a.jpg" })).toEqual({ status: "failed", reason: "caption_too_long" });
    expect(await sender.send("1", { text: "x".repeat(4096) })).toMatchObject({ status: "sent" });
    expect(api.requests).toHaveLength(1);
  });

  it.each([
    [{ error_code: 429, description: "Too Many Requests: retry after 7", parameters: { retry_after: 7 } }, { status: "retry", reason: "rate_limited", pauseChannelMs: 7000 }],
    [{ error_code: 403, description: "Forbidden: bot was blocked by the user" }, { status: "unreachable", reason: "Forbidden: bot was blocked by the user" }],
    [{ error_code: 403, description: "Forbidden: user is deactivated" }, { status: "unreachable", reason: "Forbidden: user is deactivated" }],
    [{ error_code: 400, description: "Bad Request: chat not found" }, { status: "failed", reason: "Bad Request: chat not found" }],
    [{ error_code: 500, description: "Internal Server Error" }, { status: "retry", reason: "http_500" }],
    [{ error_code: 502, description: "Bad Gateway" }, { status: "retry", reason: "http_502" }],
    [{ error_code: 401, description: "Unauthorized" }, { status: "retry", reason: "Unauthorized", pauseChannelMs: 60_000 }],
  ])("maps %j to %j", async (failure, outcome) => {
    api.failNext("sendMessage", failure);
    const sender = createTelegramBulkSender({ token: TOKEN, apiRoot: api.url });
    expect(await sender.send("4244", { text: "Halo" })).toEqual(outcome);
  });

  it("retries when the connection is refused (nothing left this machine)", async () => {
    const url = api.url;
    await api.close();
    const sender = createTelegramBulkSender({ token: TOKEN, apiRoot: url });
    expect(await sender.send("4245", { text: "Halo" })).toEqual({ status: "retry", reason: "network_ECONNREFUSED" });
    api = await startFakeBotApi();
  });

  it("calls a request that got no answer in time uncertain (it may have arrived)", async () => {
    await api.close();
    api = await startFakeBotApi({ latencyMs: 200 });
    const sender = createTelegramBulkSender({ token: TOKEN, apiRoot: api.url, timeoutMs: 30 });
    expect(await sender.send("4246", { text: "Halo" })).toEqual({ status: "uncertain", reason: "timeout" });
  });
});
