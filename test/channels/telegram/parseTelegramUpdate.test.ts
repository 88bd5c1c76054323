import { describe, expect, it } from "vitest";
import { parseTelegramUpdate } from "../../../src/channels/telegram/parseTelegramUpdate.js";
import { toInbound } from "../../../src/channels/telegram/toInbound.js";
import { callbackQuery, contactMessage, myChatMember, photoMessage, SITI, stickerMessage, textMessage, withId } from "./updates.js";

const NOW = new Date("2026-02-03T04:05:06Z");

function message(fields: Record<string, unknown>): Record<string, unknown> {
  const { message: base } = withId(textMessage("halo"), 7) as unknown as { message: Record<string, unknown> };
  return { update_id: 7, message: { ...base, ...fields } };
}

describe("parseTelegramUpdate", () => {
  it("accepts what the Bot API sends, fixtures of every kind", () => {
    for (const update of [textMessage("halo"), callbackQuery("menu:ask"), contactMessage("6281234567890", SITI.id), stickerMessage(), photoMessage("x"), myChatMember("kicked")]) {
      expect(parseTelegramUpdate(withId(update, 3))).toMatchObject({ status: "ok", update: { update_id: 3 } });
    }
  });

  it("keeps fields Telegram adds later out of the way instead of refusing the update", () => {
    const result = parseTelegramUpdate({ ...message({ brand_new_field: { x: 1 } }), business_connection_id: "abc" });
    expect(result.status).toBe("ok");
  });

  // The exact inputs of issue 14, point 1: each used to end as a TypeError with a stack trace.
  it.each([
    ["a private message without from", message({ from: undefined }), "message.from: a private message without its sender"],
    ["message: null", { update_id: 7, message: null }, "message:"],
    ["a text that is a number", message({ text: 42 }), "message.text:"],
    ["a text that is an object", message({ text: { body: "halo" } }), "message.text:"],
    ["callback_query: null", { update_id: 7, callback_query: null }, "callback_query:"],
    ["a callback without from", { update_id: 7, callback_query: { id: "1", data: "menu:ask" } }, "callback_query.from:"],
    ["a chat id that is a string", message({ chat: { id: "5123", type: "private" } }), "message.chat.id:"],
    ["a date past 2106", message({ date: 9_000_000_000_000 }), "message.date:"],
    ["no kind at all", { update_id: 7 }, "update: expected exactly one"],
    ["an edit, which Relawan does not subscribe to", { update_id: 7, edited_message: (message({}) as { message: unknown }).message }, "update: expected exactly one"],
    ["two kinds at once", { ...message({}), callback_query: (withId(callbackQuery("x")) as unknown as { callback_query: unknown }).callback_query }, "update: expected exactly one"],
  ])("drops %s, naming the update and the reason", (_name, body, problem) => {
    const result = parseTelegramUpdate(body);
    expect(result).toMatchObject({ status: "invalid", updateId: 7 });
    expect(result.status === "invalid" && result.problem).toContain(problem);
  });

  it("names no update id when there is none to name", () => {
    for (const body of [null, 42, "update", [], { update_id: "7", message: {} }, { update_id: 1.5 }]) {
      const result = parseTelegramUpdate(body);
      expect(result.status).toBe("invalid");
      expect(result).not.toHaveProperty("updateId");
    }
  });

  it("takes NUL out of what people typed, which no database should store", () => {
    const result = parseTelegramUpdate(message({ text: "ha\u0000lo", from: { ...SITI, first_name: "Si\u0000ti" } }));
    expect(result.status === "ok" && toInbound(result.update, NOW)).toMatchObject({ text: "halo", displayName: "Siti" });
  });

  it("accepts a button under an inline-mode message, which toInbound then ignores", () => {
    const result = parseTelegramUpdate({ update_id: 8, callback_query: { id: "77", from: SITI, inline_message_id: "AAAA", data: "x", chat_instance: "1" } });
    expect(result.status).toBe("ok");
    expect(result.status === "ok" && toInbound(result.update, NOW)).toBeNull();
  });
});
