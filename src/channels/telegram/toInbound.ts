import type { InboundMessage } from "../../conversation/types.js";
import type { TelegramMessage, TelegramUpdate, TelegramUser } from "./parseTelegramUpdate.js";

// Message fields that mean "the person sent something we cannot read as text".
// Service messages (pins, write_access_allowed, ...) are deliberately absent: they are not a turn.
const MEDIA_FIELDS = [
  "sticker",
  "photo",
  "voice",
  "video",
  "video_note",
  "document",
  "audio",
  "animation",
  "location",
  "venue",
  "poll",
  "dice",
  "story",
  "contact",
] as const;

/**
 * Translates one Telegram update (checked by parseTelegramUpdate) into the core's InboundMessage.
 * Returns null for anything that is not a person talking to the bot in a private chat.
 */
export function toInbound(update: TelegramUpdate, now: Date = new Date(), openFile?: OpenTelegramFile): InboundMessage | null {
  if (update.message) return fromMessage(update.message, openFile);
  const query = update.callback_query;
  // Inline-mode callbacks carry no chat; game callbacks carry no data. Relawan uses neither.
  if (query?.data === undefined || query.message === undefined || query.data === "") return null;
  if (query.message.chat.type !== "private") return null;
  return { ...person(query.from), kind: "choice", choiceId: query.data, receivedAt: now };
}

/** Downloads a file by its file_id; the channel passes one so a document (an admin's CSV) can be read. */
export type OpenTelegramFile = (fileId: string) => Promise<AsyncIterable<Uint8Array>>;

function fromMessage(message: TelegramMessage, openFile: OpenTelegramFile | undefined): InboundMessage | null {
  if (message.chat.type !== "private" || message.from === undefined) return null;
  const base = { ...person(message.from), receivedAt: new Date(message.date * 1000) };

  if (message.text !== undefined) return { ...base, kind: "text", text: message.text };

  // Only the person's own card counts as sharing their phone; a forwarded card of someone else does not.
  if (message.contact && message.contact.user_id === message.from.id) {
    return { ...base, kind: "contact", sharedPhone: internationalPhone(message.contact.phone_number) };
  }

  if (MEDIA_FIELDS.some((field) => message[field] !== undefined)) {
    const caption = message.caption;
    const media: InboundMessage = caption === undefined ? { ...base, kind: "media" } : { ...base, kind: "media", text: caption };
    // Telegram sends each photo in several sizes; the largest is the one worth keeping as proof.
    if (message.photo && message.photo.length > 0) {
      const largest = message.photo.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
      return { ...media, photo: { fileId: largest.file_id } };
    }
    if (message.document && openFile) {
      const file = message.document;
      return {
        ...media,
        document: {
          ...(file.file_name === undefined ? {} : { fileName: file.file_name }),
          ...(file.mime_type === undefined ? {} : { mimeType: file.mime_type }),
          ...(file.file_size === undefined ? {} : { size: file.file_size }),
          open: () => openFile(file.file_id),
        },
      };
    }
    return media;
  }
  return null;
}

function person(from: TelegramUser): Pick<InboundMessage, "channel" | "externalId" | "displayName" | "languageHint"> {
  return {
    channel: "telegram",
    externalId: String(from.id),
    displayName: from.first_name,
    ...(from.language_code === undefined ? {} : { languageHint: from.language_code }),
  };
}

// Telegram always shares numbers in international form, but some clients omit the leading "+".
function internationalPhone(phone: string): string {
  const trimmed = phone.trim();
  return trimmed.startsWith("+") ? trimmed : `+${trimmed}`;
}
