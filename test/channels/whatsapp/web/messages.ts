// whatsapp-web.js Message objects shaped like what `client.on("message")` hands over in 1.34.7: the public fields
// Message._patch() derives, plus the raw model in `_data` (ids, `t`, `notifyName`, ...).
import type { WhatsAppMessage } from "../../../../src/channels/whatsapp/web/whatsAppClient.js";

export interface Person {
  number: string;
  name: string;
}

export const SITI: Person = { number: "6281234567890", name: "Siti" };
export const BUDI: Person = { number: "6285712345678", name: "Budi" };
/** A WhatsApp Business account on a Jakarta landline: a real WhatsApp sender, but not a mobile number. */
export const TOKO: Person = { number: "622150001234", name: "Toko Maju" };
export const BOT_NUMBER = "6281100000000";
/** A linked id ("@lid"): WhatsApp hides the sender's number behind it. */
export const SITI_LID = "179950657237125@lid";

const DATE = 1767225600; // 2026-01-01T00:00:00Z
export const DATE_OF_FIXTURES = new Date(DATE * 1000);

let counter = 0;

interface Fields {
  type: string;
  body?: string;
  from?: string;
  fromMe?: boolean;
  author?: string;
  notifyName?: string;
  hasMedia?: boolean;
  isStatus?: boolean;
  broadcast?: boolean;
  raw?: Record<string, unknown>;
}

function message(fields: Fields): WhatsAppMessage {
  counter += 1;
  const fromMe = fields.fromMe ?? false;
  const remote = fields.from ?? `${SITI.number}@c.us`;
  const id = `3EB0${counter.toString(16).toUpperCase().padStart(16, "0")}`;
  const body = fields.body ?? "";
  const built = {
    _data: {
      id: { fromMe, remote, id, _serialized: `${fromMe}_${remote}_${id}` },
      type: fields.type,
      body,
      t: DATE,
      from: fromMe ? `${BOT_NUMBER}@c.us` : remote,
      to: fromMe ? remote : `${BOT_NUMBER}@c.us`,
      ...(fields.notifyName === undefined ? {} : { notifyName: fields.notifyName }),
      ack: 1,
      isNewMsg: true,
      star: false,
      recvFresh: true,
      isForwarded: false,
      ...fields.raw,
    },
    mediaKey: fields.hasMedia ? "Fy5Xb1y0q7k3v3hJ2f2kq3q0n0zE0v4Ck1u0r6z9tAI=" : undefined,
    id: { fromMe, remote, id, _serialized: `${fromMe}_${remote}_${id}` },
    ack: 1,
    hasMedia: fields.hasMedia ?? false,
    body,
    type: fields.type,
    timestamp: DATE,
    from: fromMe ? `${BOT_NUMBER}@c.us` : remote,
    to: fromMe ? remote : `${BOT_NUMBER}@c.us`,
    author: fields.author,
    deviceType: "android",
    isForwarded: false,
    forwardingScore: 0,
    isStatus: fields.isStatus ?? false,
    isStarred: false,
    broadcast: fields.broadcast ?? false,
    fromMe,
    hasQuotedMsg: false,
    hasReaction: false,
    vCards: fields.type === "vcard" ? [body] : [],
    mentionedIds: [],
    links: [],
  };
  return built;
}

export function textMessage(body: string, from: Person = SITI): WhatsAppMessage {
  return message({ type: "chat", body, from: `${from.number}@c.us`, notifyName: from.name });
}

export function lidTextMessage(body: string, lid = SITI_LID, name = SITI.name): WhatsAppMessage {
  return message({ type: "chat", body, from: lid, notifyName: name });
}

/** A photo, video, document, sticker or voice note; for these whatsapp-web.js puts the caption (or "") in `body`. */
export function mediaMessage(type: "image" | "video" | "document" | "sticker" | "ptt" | "audio", caption = "", from: Person = SITI): WhatsAppMessage {
  return message({ type, body: caption, hasMedia: true, from: `${from.number}@c.us`, notifyName: from.name, raw: { directPath: "/v/t62.7118-24/12345_n.enc", mimetype: "image/jpeg" } });
}

/** A shared location: no media to download, and `body` is the map thumbnail as base64 JPEG. */
export function locationMessage(): WhatsAppMessage {
  return message({
    type: "location",
    body: "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAB",
    notifyName: SITI.name,
    raw: { lat: -6.2297, lng: 106.8295 },
  });
}

/** A contact card for `card`'s number, sent by `from`. */
export function vcardMessage(card: Person, from: Person = SITI): WhatsAppMessage {
  const spaced = `+${card.number.slice(0, 2)} ${card.number.slice(2, 5)}-${card.number.slice(5, 9)}-${card.number.slice(9)}`;
  const vcard = ["BEGIN:VCARD", "VERSION:3.0", `N:;${card.name};;;`, `FN:${card.name}`, `TEL;type=CELL;type=VOICE;waid=${card.number}:${spaced}`, "END:VCARD"].join("\n");
  return message({ type: "vcard", body: vcard, from: `${from.number}@c.us`, notifyName: from.name });
}

export function groupTextMessage(body: string): WhatsAppMessage {
  return message({ type: "chat", body, from: "120363042718293847@g.us", author: `${SITI.number}@c.us`, notifyName: SITI.name });
}

export function statusMessage(): WhatsAppMessage {
  return message({ type: "image", body: "Ayo coblos!", hasMedia: true, from: "status@broadcast", author: `${SITI.number}@c.us`, isStatus: true, raw: { isStatusV3: true } });
}

export function newsletterMessage(): WhatsAppMessage {
  return message({ type: "chat", body: "Kabar terbaru dari kanal kami", from: "120363198765432109@newsletter" });
}

/** Sent from a broadcast list of the person's: it lands in their private chat with us, flagged `broadcast`. */
export function broadcastListMessage(): WhatsAppMessage {
  return message({ type: "chat", body: "Selamat pagi semua!", notifyName: SITI.name, broadcast: true });
}

/** Something we sent ourselves, from the phone or another linked device. */
export function ownMessage(body: string): WhatsAppMessage {
  return message({ type: "chat", body, fromMe: true });
}

/** WhatsApp telling us something happened in the chat, rather than the person saying something. */
export function noticeMessage(type: string): WhatsAppMessage {
  return message({ type, body: "", raw: type === "e2e_notification" ? { subtype: "encrypt" } : {} });
}
