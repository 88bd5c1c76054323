import { describe, expect, it } from "vitest";
import { toInbound } from "../../../../src/channels/whatsapp/web/toInbound.js";
import {
  BUDI,
  DATE_OF_FIXTURES,
  SITI,
  SITI_LID,
  TOKO,
  broadcastListMessage,
  groupTextMessage,
  lidTextMessage,
  locationMessage,
  mediaMessage,
  newsletterMessage,
  noticeMessage,
  ownMessage,
  statusMessage,
  textMessage,
  vcardMessage,
} from "./messages.js";

const NOW = new Date("2026-02-03T04:05:06Z");
const ID = { defaultCountry: "ID" } as const;

describe("toInbound (whatsapp-web.js)", () => {
  it("turns a private text into kind text keyed by the number, with the number as senderPhone", () => {
    expect(toInbound(textMessage("Halo, saya mau ikut"), ID, NOW)).toEqual({
      channel: "whatsapp",
      externalId: SITI.number,
      kind: "text",
      text: "Halo, saya mau ikut",
      senderPhone: `+${SITI.number}`,
      displayName: "Siti",
      receivedAt: DATE_OF_FIXTURES,
      messageId: expect.stringContaining(`${SITI.number}@c.us`),
    });
  });

  it("reads the number with its own country code whatever the default country is", () => {
    expect(toInbound(textMessage("hi"), { defaultCountry: "US" }, NOW)).toMatchObject({ senderPhone: `+${SITI.number}` });
  });

  it("keeps a landline sender by number but does not offer it as their phone", () => {
    const inbound = toInbound(textMessage("Halo", TOKO), ID, NOW);
    expect(inbound).toMatchObject({ externalId: TOKO.number, kind: "text", displayName: "Toko Maju" });
    expect(inbound).not.toHaveProperty("senderPhone");
  });

  it("leaves displayName out when the person set no name, and falls back to now without a timestamp", () => {
    const nameless = { ...textMessage("hi"), _data: {}, timestamp: 0 };
    const inbound = toInbound(nameless, ID, NOW);
    expect(inbound).not.toHaveProperty("displayName");
    expect(inbound?.receivedAt).toEqual(NOW);
  });

  it("turns stickers, voice notes and photos into media, keeping only a real caption as text", () => {
    for (const type of ["sticker", "ptt", "audio"] as const) {
      const inbound = toInbound(mediaMessage(type), ID, NOW);
      expect(inbound).toMatchObject({ kind: "media", externalId: SITI.number, senderPhone: `+${SITI.number}` });
      expect(inbound).not.toHaveProperty("text");
    }
    expect(toInbound(mediaMessage("image", "Posko kami di Tebet"), ID, NOW)).toMatchObject({ kind: "media", text: "Posko kami di Tebet" });
    expect(toInbound(mediaMessage("document", "  "), ID, NOW)).not.toHaveProperty("text");
  });

  it("never passes a location's base64 thumbnail off as text", () => {
    const inbound = toInbound(locationMessage(), ID, NOW);
    expect(inbound).toMatchObject({ kind: "media" });
    expect(inbound).not.toHaveProperty("text");
  });

  it("takes a shared phone only from the person's own contact card", () => {
    expect(toInbound(vcardMessage(SITI), ID, NOW)).toMatchObject({ kind: "contact", sharedPhone: `+${SITI.number}` });
    const other = toInbound(vcardMessage(BUDI), ID, NOW);
    expect(other).toMatchObject({ kind: "media" });
    expect(other).not.toHaveProperty("sharedPhone");
    expect(other).not.toHaveProperty("text");
  });

  it("ignores groups, status updates, channels, broadcast lists and our own messages", () => {
    expect(toInbound(groupTextMessage("halo bot"), ID, NOW)).toBeNull();
    expect(toInbound(statusMessage(), ID, NOW)).toBeNull();
    expect(toInbound(newsletterMessage(), ID, NOW)).toBeNull();
    expect(toInbound(broadcastListMessage(), ID, NOW)).toBeNull();
    expect(toInbound(ownMessage("catatan"), ID, NOW)).toBeNull();
  });

  it("ignores WhatsApp's own notices", () => {
    for (const type of ["revoked", "e2e_notification", "notification_template", "call_log", "protocol", "gp2", "ciphertext", "reaction", "unknown"]) {
      expect(toInbound(noticeMessage(type), ID, NOW), type).toBeNull();
    }
  });

  it("keys a linked-id sender by their number once it is known, so they stay the same person as over @c.us", () => {
    expect(toInbound(lidTextMessage("halo"), { ...ID, lidPhone: SITI.number }, NOW)).toMatchObject({
      externalId: SITI.number,
      senderPhone: `+${SITI.number}`,
      kind: "text",
    });
  });

  it("keeps a linked-id sender with an unknown number as the opaque linked id, without senderPhone", () => {
    const inbound = toInbound(lidTextMessage("halo"), ID, NOW);
    expect(inbound).toMatchObject({ externalId: SITI_LID, kind: "text", displayName: "Siti" });
    expect(inbound).not.toHaveProperty("senderPhone");
    // Without their number there is no telling whether a card is their own.
    const card = { ...vcardMessage(SITI), from: SITI_LID };
    expect(toInbound(card, ID, NOW)).toMatchObject({ externalId: SITI_LID, kind: "media" });
    expect(toInbound(card, { ...ID, lidPhone: SITI.number }, NOW)).toMatchObject({ kind: "contact", sharedPhone: `+${SITI.number}` });
  });
});
