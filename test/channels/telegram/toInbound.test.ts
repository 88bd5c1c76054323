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
  parsed,
  withId,
} from "./updates.js";

const NOW = new Date("2026-02-03T04:05:06Z");

describe("toInbound", () => {
  it("turns a private text message into kind text with the person's details", () => {
    expect(toInbound(parsed(textMessage("Halo, saya mau ikut")), NOW)).toEqual({
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
    expect(toInbound(parsed(textMessage("/start ref_AB12", BUDI)), NOW)).toMatchObject({
      kind: "text",
      text: "/start ref_AB12",
      externalId: String(BUDI.id),
      languageHint: "en",
    });
  });

  it("turns a button press into kind choice, received now", () => {
    expect(toInbound(parsed(callbackQuery("volunteer")), NOW)).toEqual({
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
    expect(toInbound(parsed({ callback_query: { ...inline, inline_message_id: "AAAA" } }), NOW)).toBeNull();
  });

  it("treats the person's own contact card as a shared phone, adding the missing +", () => {
    expect(toInbound(parsed(contactMessage("6281234567890", SITI.id)), NOW)).toMatchObject({
      kind: "contact",
      sharedPhone: "+6281234567890",
    });
    expect(toInbound(parsed(contactMessage("+6281234567890", SITI.id)), NOW)).toMatchObject({ sharedPhone: "+6281234567890" });
  });

  it("treats someone else's contact card as media and never as the person's phone", () => {
    for (const other of [BUDI.id, undefined]) {
      const inbound = toInbound(parsed(contactMessage("6289876543210", other)), NOW);
      expect(inbound).toMatchObject({ kind: "media" });
      expect(inbound).not.toHaveProperty("sharedPhone");
    }
  });

  it("turns stickers and photos into media, keeping a caption as text", () => {
    expect(toInbound(parsed(stickerMessage()), NOW)).toMatchObject({ kind: "media" });
    expect(toInbound(parsed(stickerMessage()), NOW)).not.toHaveProperty("text");
    expect(toInbound(parsed(photoMessage("Posko kami di Tebet")), NOW)).toMatchObject({ kind: "media", text: "Posko kami di Tebet" });
  });

  it("ignores groups, service messages and membership changes", () => {
    expect(toInbound(parsed(groupTextMessage("halo bot")), NOW)).toBeNull();
    expect(toInbound(parsed(pinnedServiceMessage()), NOW)).toBeNull();
    expect(toInbound(parsed(myChatMember("kicked")), NOW)).toBeNull();
  });
});

describe("toUnreachable", () => {
  it("recognises the person blocking the bot in a private chat", () => {
    expect(toUnreachable(parsed(myChatMember("kicked")))).toEqual({
      externalId: String(SITI.id),
      at: new Date(DATE_OF_FIXTURES.getTime() + 60_000),
    });
  });

  it("ignores unblocking and every other update", () => {
    expect(toUnreachable(parsed(myChatMember("member")))).toBeNull();
    expect(toUnreachable(parsed(textMessage("hi")))).toBeNull();
  });
});
