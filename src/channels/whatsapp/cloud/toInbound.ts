import type { InboundMessage } from "../../../conversation/types.js";
import { normalizePhone } from "../../../domain/contacts/normalizePhone.js";
import type { CloudInbound, CloudMessage } from "./parseWebhook.js";

// A WhatsApp number as the Cloud API writes it: country code and subscriber digits, no "+".
const WHATSAPP_NUMBER = /^\d{6,20}$/;

/**
 * Translates one Cloud API message into the core's InboundMessage.
 * Returns null for what is not a person talking to the bot:
 * - `reaction`: an emoji on one of our messages; answering "I only read text" to a 👍 is noise.
 * - `system`: WhatsApp's notice that the person changed number or id, not something they said.
 * - a sender without a phone number (username-only, identified by BSUID): Relawan keys WhatsApp people by number.
 * `unsupported` (polls, view-once, ...) stays "media", so the person hears that only text is understood.
 */
export function toInbound(inbound: CloudInbound): InboundMessage | null {
  const { message, contact } = inbound;
  if (message.type === "reaction" || message.type === "system") return null;
  const from = message.from;
  if (from === undefined || !WHATSAPP_NUMBER.test(from)) return null;

  // The number comes with its country code, so the default country passed here never applies.
  const phone = normalizePhone(`+${from}`, "ID");
  const name = contact?.profile?.name?.trim();
  const base: InboundMessage = {
    channel: "whatsapp",
    externalId: from,
    kind: "media",
    ...(phone.status === "ok" ? { senderPhone: phone.e164 } : {}),
    ...(name ? { displayName: name } : {}),
    receivedAt: new Date(Number(message.timestamp) * 1000),
    messageId: message.id,
  };
  return { ...base, ...content(message, from) };
}

function content(message: CloudMessage, from: string): Pick<InboundMessage, "kind" | "text" | "choiceId" | "sharedPhone" | "photo"> {
  switch (message.type) {
    case "text":
      return { kind: "text", text: message.text?.body ?? "" };
    case "interactive": {
      const picked = message.interactive?.button_reply ?? message.interactive?.list_reply;
      return picked ? { kind: "choice", choiceId: picked.id } : { kind: "media" };
    }
    case "button":
      // Template quick replies carry the button's words; as text they reach the keywords (STOP, MULAI).
      return message.button?.text ? { kind: "text", text: message.button.text } : { kind: "media" };
    case "contacts": {
      // Only the person's own card counts as sharing their phone; a card of someone else does not.
      const own = message.contacts?.some((card) => card.phones?.some((p) => p.wa_id === from));
      if (!own) return { kind: "media" };
      const shared = normalizePhone(`+${from}`, "ID");
      return { kind: "contact", sharedPhone: shared.status === "ok" ? shared.e164 : `+${from}` };
    }
    default: {
      const caption = captionOf(message)?.trim();
      // The media id is what the Graph API downloads the photo by.
      const photo = message.type === "image" ? { photo: message.image?.id ? { fileId: message.image.id } : {} } : {};
      return caption ? { kind: "media", text: caption, ...photo } : { kind: "media", ...photo };
    }
  }
}

function captionOf(message: CloudMessage): string | undefined {
  if (message.type === "image") return message.image?.caption;
  if (message.type === "video") return message.video?.caption;
  if (message.type === "document") return message.document?.caption;
  return undefined;
}
