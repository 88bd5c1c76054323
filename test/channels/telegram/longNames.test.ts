// Issue 14: a Telegram first name of 30 Arabic letters (or about 20 CJK characters, or 14 emoji) broke the
// volunteer sign-up: the "use this name" button carried the name in its callback data, cut at 50
// characters rather than 64 bytes, and renderReply threw "choice id … is 72 bytes".
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../support/createTestApp.js";
import { startTelegramHarness, type TelegramHarness } from "./startTelegramHarness.js";
import { callbackQuery, SITI, textMessage } from "./updates.js";

let app: TestApp | undefined;
let harness: TelegramHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  await app?.close();
  harness = undefined;
  app = undefined;
});

const names = {
  // Counted: 30 letters, 20 characters, 14 emoji.
  "30 Arabic letters": "محمدعبدالرحمنالحسينيالكبيرابنس",
  "20 CJK characters": "王小明张三李四赵钱孙周吴郑冯陈褚卫蒋沈韩",
  "a name with 14 emoji": `Siti ${"🌸".repeat(14)}`,
};

describe("Telegram volunteer sign-up with a long non-Latin first name", () => {
  it.each(Object.entries(names))("offers %s as a button with a short opaque id, and takes it whole when pressed", async (_what, firstName) => {
    expect(Buffer.byteLength(`name:${firstName.slice(0, 50)}`)).toBeGreaterThan(64);
    app = await createTestApp();
    harness = await startTelegramHarness({ engine: app.engine });
    const { api } = harness;
    const person = { ...SITI, first_name: firstName } as unknown as typeof SITI;
    const sends = () => api.calls("sendMessage");
    const step = async (update: ReturnType<typeof textMessage>, count: number) => {
      api.pushUpdate(update);
      await api.waitFor(() => sends().length >= count);
    };
    await step(textMessage("/start", person), 2);
    await step(callbackQuery("lang:id", person), 3);
    await step(callbackQuery("consent:yes", person), 4);
    await step(callbackQuery("menu:volunteer", person), 5);
    await step(callbackQuery("privacy:yes", person), 6);

    expect(sends()[5]?.body).toMatchObject({ text: "Siapa namamu?", reply_markup: { inline_keyboard: [[{ text: firstName, callback_data: "name:suggested" }]] } });
    await step(callbackQuery("name:suggested", person), 7);
    expect(JSON.stringify(sends()[6]?.body)).toContain("request_contact");
    const state = await app.db.conversationState.findFirstOrThrow();
    expect(JSON.parse(state.data)).toMatchObject({ name: firstName });
    expect(harness.logs.filter((l) => Number(l.level) >= 50)).toEqual([]);
  });
});
