import { describe, expect, it } from "vitest";
import { toInbound } from "../../../src/channels/telegram/toInbound.js";
import { toUnreachable } from "../../../src/channels/telegram/toUnreachable.js";
import {
  BUDI,
  DATE_OF_FIXTURES,
  SITI,
  callbackQuery,
  contactMessage,
  groupTextMessage,
  myChatMember,
  photoMessage,
  pinnedServiceMessage,
  stickerMessage,
  textMessage,
  withId,
} from "./updates.js";

const NOW = new Date("2026-02-03T04:05:06Z");

describe("toInbound", () => {
  it("turns a private text message into kind text with the person's details", () => {
    expect(toInbound(withId(textMessage("Halo, saya mau ikut")), NOW)).toEqual({
      channel: "telegram",
      externalId: String(SITI.id),
      kind: "text",
      text: "Halo, saya mau ikut",
      displayName: "Siti",
      languageHint: "id",
      receivedAt: DATE_OF_FIXTURES,
    });
  });

  it("keeps commands as text, payload included", () => {
    expect(toInbound(withId(textMessage("/start ref_AB12", BUDI)), NOW)).toMatchObject({
      kind: "text",
      text: "/start ref_AB12",
      externalId: String(BUDI.id),
      languageHint: "en",
    });
  });

  it("turns a button press into kind choice, received now", () => {
    expect(toInbound(withId(callbackQuery("volunteer")), NOW)).toEqual({
      channel: "telegram",
      externalId: String(SITI.id),
      kind: "choice",
      choiceId: "volunteer",
      displayName: "Siti",
      languageHint: "id",
      receivedAt: NOW,
    });
  });

  it("ignores callbacks from inline-mode messages, which carry no chat", () => {
    const update = withId(callbackQuery("volunteer")) as ReturnType<typeof withId> & { callback_query: Record<string, unknown> };
    const { message: _message, ...inline } = update.callback_query;
    expect(toInbound({ update_id: 1, callback_query: { ...inline, inline_message_id: "AAAA" } } as never, NOW)).toBeNull();
  });

  it("treats the person's own contact card as a shared phone, adding the missing +", () => {
    expect(toInbound(withId(contactMessage("6281234567890", SITI.id)), NOW)).toMatchObject({
      kind: "contact",
      sharedPhone: "+6281234567890",
    });
    expect(toInbound(withId(contactMessage("+6281234567890", SITI.id)), NOW)).toMatchObject({ sharedPhone: "+6281234567890" });
  });

  it("treats someone else's contact card as media and never as the person's phone", () => {
    for (const other of [BUDI.id, undefined]) {
      const inbound = toInbound(withId(contactMessage("6289876543210", other)), NOW);
      expect(inbound).toMatchObject({ kind: "media" });
      expect(inbound).not.toHaveProperty("sharedPhone");
    }
  });

  it("turns stickers and photos into media, keeping a caption as text", () => {
    expect(toInbound(withId(stickerMessage()), NOW)).toMatchObject({ kind: "media" });
    expect(toInbound(withId(stickerMessage()), NOW)).not.toHaveProperty("text");
    expect(toInbound(withId(photoMessage("Posko kami di Tebet")), NOW)).toMatchObject({ kind: "media", text: "Posko kami di Tebet" });
  });

  it("ignores groups, channels, edits and service messages", () => {
    expect(toInbound(withId(groupTextMessage("halo bot")), NOW)).toBeNull();
    expect(toInbound(withId(pinnedServiceMessage()), NOW)).toBeNull();
    const channelPost = {
      update_id: 9,
      channel_post: { message_id: 1, chat: { id: -100123, title: "Kabar", type: "channel" }, date: 1767225600, text: "x" },
    };
    expect(toInbound(channelPost as never, NOW)).toBeNull();
    const edited = { update_id: 10, edited_message: { ...(textMessage("fixed") as { message: object }).message, edit_date: 1767225700 } };
    expect(toInbound(edited as never, NOW)).toBeNull();
    expect(toInbound(withId(myChatMember("kicked")), NOW)).toBeNull();
  });
});

describe("toUnreachable", () => {
  it("recognises the person blocking the bot in a private chat", () => {
    expect(toUnreachable(withId(myChatMember("kicked")))).toEqual({
      externalId: String(SITI.id),
      at: new Date(DATE_OF_FIXTURES.getTime() + 60_000),
    });
  });

  it("ignores unblocking and every other update", () => {
    expect(toUnreachable(withId(myChatMember("member")))).toBeNull();
    expect(toUnreachable(withId(textMessage("hi")))).toBeNull();
  });
});
