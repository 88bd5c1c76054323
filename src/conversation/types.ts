// The channel-neutral language of the conversation core. Channels translate
// their platform's payloads into InboundMessage and render Reply back out.

import type { ChannelName } from "../domain/contacts/channelName.js";
import type { ErasedContact } from "../domain/contacts/eraseContact.js";

export type { ChannelName };

/** What kind of thing the person sent; anything but text/choice/contact is "media". */
export type InboundKind = "text" | "choice" | "contact" | "media";

export interface InboundMessage {
  channel: ChannelName;
  /** The platform's id for the person: Telegram user id, WhatsApp number, console session. */
  externalId: string;
  kind: InboundKind;
  /** Typed text (kind "text"), or the caption/label when present. */
  text?: string;
  /** The id of a choice the person picked (kind "choice"). */
  choiceId?: string;
  /** A phone number shared through the platform (kind "contact"). */
  sharedPhone?: string;
  /**
   * What a media message carries, where the channel can tell (kind "media"): a photo sent as a
   * task's proof is kept as `fileId`, the platform's reference to it (Telegram file_id, WhatsApp media id).
   */
  photo?: { fileId?: string };
  /** A file the person sent (kind "media"), where the channel can download it: an admin's CSV for /import. */
  document?: InboundDocument;
  /**
   * The sender's own phone number in E.164 when the platform guarantees it (a WhatsApp
   * sender is their number). It links the person to an existing contact with that phone.
   */
  senderPhone?: string;
  /** Platform display name, used only as a suggestion, never stored without consent. */
  displayName?: string;
  /** The platform's language code, e.g. Telegram's `language_code`. */
  languageHint?: string;
  receivedAt: Date;
  /**
   * The platform's id for this message or update. A webhook delivered twice carries the
   * same id; the engine handles it once, in the same transaction as the turn.
   */
  messageId?: string;
}

export interface InboundDocument {
  fileName?: string;
  mimeType?: string;
  /** Bytes, as the platform reports them before anything is downloaded. */
  size?: number;
  /** Downloads the file; the channel knows how (Telegram: getFile, then the file URL). */
  open(): Promise<AsyncIterable<Uint8Array>>;
}

export interface Choice {
  id: string;
  label: string;
}

export interface Reply {
  /** Optional heading: bold on Telegram, *starred* on WhatsApp. Plain text, never markup. */
  title?: string;
  /** Plain text. Adapters escape it for their own markup. */
  text: string;
  choices?: Choice[];
  /** Ask the channel to offer its "share my phone number" affordance if it has one. */
  requestPhone?: boolean;
  /** A picture (a chart) sent with the title and text as its caption. */
  image?: ReplyImage;
  /** A file (an export, an import's error list) sent with the title and text as its caption. */
  document?: ReplyDocument;
}

export interface ReplyDocument {
  /** "contacts-2026-11-26.csv" */
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/**
 * A PNG the core made. It is drawn only when the channel asks for the bytes, after the turn's
 * transaction has committed, so drawing never holds the database.
 */
export interface ReplyImage {
  /** "contacts-over-time.png" */
  fileName: string;
  width: number;
  height: number;
  /** The PNG bytes; drawn on the first call, the same bytes after that. */
  png(): Promise<Uint8Array>;
}

/** Things that happened during a turn that other parts of the system may act on. */
export type Effect =
  | { type: "opted_out"; contactId: string }
  | { type: "opted_in"; contactId: string }
  | { type: "volunteer_registered"; contactId: string; referralCode: string }
  | { type: "question_unanswered"; questionId: number }
  /** Staff saved an inbox reply as an FAQ entry; the matcher learns it once the turn has committed. */
  | { type: "faq_added"; faqId: string; language: string; question: string; answer: string }
  /** Staff kept a person's words as a variant of an FAQ; the matcher learns it once the turn has committed. */
  | { type: "faq_variant_added"; faqId: string; language: string; text: string }
  /** The person erased their data; the matcher forgets their saved words once the turn has committed. */
  | { type: "data_erased"; erased: ErasedContact }
  /**
   * Work that must not hold the turn's transaction (importing or exporting a file): the engine
   * runs it after the commit, and its replies follow the turn's own.
   */
  | { type: "deferred"; run: () => Promise<Reply[]> }
  | { type: "contacts_merged"; contactId: string }
  | { type: "rate_limited" }
  | { type: "duplicate" };

export interface TurnHooks {
  /**
   * The turn's transaction has committed (not called for a turn the flood guard ignored). A file
   * import or export may still run before handle() resolves; a channel that confirms updates to its
   * platform (Telegram's polling offset, a webhook's 200) can do so from here.
   */
  onCommitted?: () => void;
}

export interface TurnResult {
  replies: Reply[];
  effects: Effect[];
  /** The person's language, so adapters word their own hints ("Balas dengan angka") the same way. */
  language?: string;
}

/** The whole core as seen from a channel. */
export interface ConversationEngine {
  handle(message: InboundMessage, hooks?: TurnHooks): Promise<TurnResult>;
  /**
   * The person opened the channel again without sending anything (the terminal chat at launch):
   * a new person is greeted as on /start, anyone else hears the question of the step they are at.
   */
  resume(channel: ChannelName, externalId: string, at: Date): Promise<TurnResult>;
  /** The platform told us the person blocked the bot or is gone. */
  markUnreachable(channel: ChannelName, externalId: string, at: Date): Promise<void>;
}
