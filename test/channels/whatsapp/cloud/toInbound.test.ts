import { describe, expect, it } from "vitest";
import { parseWebhook, type CloudInbound } from "../../../../src/channels/whatsapp/cloud/parseWebhook.js";
import { toInbound } from "../../../../src/channels/whatsapp/cloud/toInbound.js";
import {
  BUDI,
  BUSINESS,
  DATE_OF_FIXTURES,
  SITI,
  buttonReply,
  contactCard,
  envelope,
  image,
  listReply,
  location,
  messagesWebhook,
  reaction,
  sticker,
  systemChangedNumber,
  templateButton,
  text,
  unsupported,
  type MessageFields,
  type Person,
} from "./payloads.js";

function inbound(message: MessageFields, from: Person = SITI): CloudInbound {
  return only(messagesWebhook(from, [message]));
}

function only(body: unknown): CloudInbound {
  const parsed = parseWebhook(body);
  if (parsed.status !== "ok" || parsed.messages.length !== 1) throw new Error("fixture did not parse to one message");
  return parsed.messages[0]!;
}

describe("toInbound", () => {
  it("turns a text message into a text turn with the sender's number, E.164 phone and profile name", () => {
    expect(toInbound(inbound(text("Halo, saya mau jadi relawan")))).toEqual({
      channel: "whatsapp",
      externalId: "6281234567890",
      kind: "text",
      text: "Halo, saya mau jadi relawan",
      senderPhone: "+6281234567890",
      displayName: "Siti Rahayu",
      receivedAt: DATE_OF_FIXTURES,
      messageId: expect.stringMatching(/^wamid\./),
    });
  });

  it("leaves senderPhone out when the number is not a valid mobile number", () => {
    const landline = { waId: "622150001234", name: "Kantor" } as unknown as Person;
    const message = toInbound(inbound(text("halo"), landline));
    expect(message).toMatchObject({ externalId: "622150001234", kind: "text" });
    expect(message).not.toHaveProperty("senderPhone");
  });

  it("turns reply-button and list taps into choices by id", () => {
    expect(toInbound(inbound(buttonReply("volunteer", "Jadi relawan")))).toMatchObject({ kind: "choice", choiceId: "volunteer" });
    expect(toInbound(inbound(listReply("kec-tebet", "Tebet")))).toMatchObject({ kind: "choice", choiceId: "kec-tebet" });
    expect(toInbound(inbound(buttonReply("volunteer", "Jadi relawan")))).not.toHaveProperty("text");
  });

  it("reads a template quick-reply tap as the words on the button, so keywords still work", () => {
    expect(toInbound(inbound(templateButton("STOP")))).toMatchObject({ kind: "text", text: "STOP" });
  });

  it("takes a phone only from the sender's own contact card", () => {
    expect(toInbound(inbound(contactCard(SITI.waId, "Siti Rahayu")))).toMatchObject({ kind: "contact", sharedPhone: "+6281234567890" });
    const other = toInbound(inbound(contactCard(BUDI.waId, "Budi")));
    expect(other).toMatchObject({ kind: "media" });
    expect(other).not.toHaveProperty("sharedPhone");
  });

  it("turns pictures, stickers, locations and unsupported messages into media, keeping a caption as text", () => {
    expect(toInbound(inbound(image("Posko kami di Tebet")))).toMatchObject({ kind: "media", text: "Posko kami di Tebet" });
    for (const message of [image(), sticker(), location(), unsupported()]) {
      const turn = toInbound(inbound(message));
      expect(turn, message.type).toMatchObject({ kind: "media", externalId: SITI.waId });
      expect(turn, message.type).not.toHaveProperty("text");
    }
  });

  it("ignores reactions and system notices", () => {
    expect(toInbound(inbound(reaction()))).toBeNull();
    expect(toInbound(only(systemChangedNumber(SITI, "6281299990000")))).toBeNull();
  });

  it("ignores a username-only sender, who comes without a phone number", () => {
    const body = envelope({
      messaging_product: "whatsapp",
      metadata: { display_phone_number: BUSINESS.displayPhoneNumber, phone_number_id: BUSINESS.phoneNumberId },
      contacts: [{ profile: { name: "Sheena" }, user_id: "ID.13491208655302741918" }],
      messages: [{ from_user_id: "ID.13491208655302741918", id: "wamid.x", timestamp: "1767225600", type: "text", text: { body: "hai" } }],
    });
    expect(toInbound(only(body))).toBeNull();
  });
});
