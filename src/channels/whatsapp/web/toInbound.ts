import type { CountryCode } from "libphonenumber-js/max";
import type { InboundMessage } from "../../../conversation/types.js";
import { normalizePhone } from "../../../domain/contacts/normalizePhone.js";
import type { WhatsAppMessage } from "./whatsAppClient.js";

export interface ToInboundContext {
  /** Passed on to normalizePhone; WhatsApp ids carry their country code, so it never decides anything here. */
  defaultCountry: CountryCode;
  /** The number behind an "@lid" sender ("6281234567890"), when the client could find it. */
  lidPhone?: string;
}

// What a person can send. Everything else (revoked, e2e_notification, notification_template, call_log,
// protocol, gp2, ciphertext, reaction, ...) is WhatsApp reporting an event, not the person talking,
// and answering it would spam people with "I can only read text".
const PERSON_TYPES: ReadonlySet<string> = new Set([
  "chat",
  "image",
  "video",
  "ptv",
  "audio",
  "ptt",
  "document",
  "sticker",
  "location",
  "vcard",
  "multi_vcard",
  "album",
  "poll_creation",
  "scheduled_event_creation",
  "groups_v4_invite",
  "product",
  "order",
]);

const PERSON_ID = /^(\d{5,20})(?::\d+)?@c\.us$/;
const LINKED_ID = /^\d+(?::\d+)?@lid$/;

/**
 * Translates one whatsapp-web.js message into the core's InboundMessage.
 * Returns null for groups, status updates, channels, broadcast lists, our own messages and WhatsApp's notices.
 */
export function toInbound(message: WhatsAppMessage, context: ToInboundContext, now: Date = new Date()): InboundMessage | null {
  if (message.fromMe || message.id.fromMe) return null;
  if (message.isStatus || message.broadcast || message.from === "status@broadcast") return null;
  if (!PERSON_TYPES.has(message.type)) return null;
  const sender = senderOf(message.from, context);
  if (sender === null) return null;

  const name = message._data?.notifyName?.trim();
  const base: InboundMessage = {
    channel: "whatsapp",
    externalId: sender.externalId,
    kind: "media",
    ...(sender.phone ? { senderPhone: sender.phone } : {}),
    ...(name ? { displayName: name } : {}),
    receivedAt: Number.isFinite(message.timestamp) && message.timestamp > 0 ? new Date(message.timestamp * 1000) : now,
    messageId: message.id._serialized,
  };

  if (message.type === "chat") return { ...base, kind: "text", text: message.body };
  // Only the person's own card counts as sharing their phone; a card of someone else does not.
  if (message.type === "vcard" && sender.phone && cardPhones(message.body, context.defaultCountry).includes(sender.phone)) {
    return { ...base, kind: "contact", sharedPhone: sender.phone };
  }
  // whatsapp-web.js puts the caption in `body` only for downloadable media; otherwise `body` may be
  // a location's base64 map thumbnail or a poll's question, never something the person typed to us.
  const caption = message.hasMedia ? message.body.trim() : "";
  // whatsapp-web.js fetches a photo through its message, so the message id is the reference to keep.
  const media = message.type === "image" ? { ...base, photo: { fileId: message.id._serialized } } : base;
  return caption ? { ...media, text: caption } : media;
}

function senderOf(from: string, context: ToInboundContext): { externalId: string; phone?: string } | null {
  const person = PERSON_ID.exec(from);
  // A linked id hides the number; with the number found, the person keeps the same externalId as over @c.us.
  const digits = person?.[1] ?? (LINKED_ID.test(from) ? context.lidPhone?.replace(/\D/g, "") || undefined : undefined);
  if (digits) {
    const phone = normalizePhone(`+${digits}`, context.defaultCountry);
    return phone.status === "ok" ? { externalId: digits, phone: phone.e164 } : { externalId: digits };
  }
  // Without the number the linked id itself is the (opaque) externalId; it is also where replies go.
  if (LINKED_ID.test(from)) return { externalId: from };
  return null;
}

/** The numbers on a vCard in E.164: WhatsApp's `waid=` parameter when present, else the TEL value. */
function cardPhones(vcard: string, defaultCountry: CountryCode): string[] {
  const phones: string[] = [];
  for (const line of vcard.split(/\r?\n/)) {
    if (!/^(?:item\d+\.)?TEL[;:]/i.test(line)) continue;
    const waid = /waid=(\d+)/i.exec(line)?.[1];
    const value = waid ? `+${waid}` : line.slice(line.indexOf(":") + 1);
    const phone = normalizePhone(value, defaultCountry);
    if (phone.status === "ok") phones.push(phone.e164);
  }
  return phones;
}
