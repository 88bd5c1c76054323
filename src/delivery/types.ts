// The delivery layer's ports: how a message the bot starts reaches a platform, and what
// the platform said. Channels implement BulkSender; the dispatcher never imports a channel.
import type { ChannelName } from "../conversation/types.js";

/**
 * What goes out for one delivery, already in the recipient's language, footer included. The
 * text always says how to answer by typing; `choices` add buttons where the platform has them.
 */
export interface OutboundMessage {
  text: string;
  imageUrl?: string;
  choices?: OutboundChoice[];
}

/** A button: `id` comes back as the inbound choice when pressed (Telegram: at most 64 bytes). */
export interface OutboundChoice {
  id: string;
  label: string;
}

export type SendOutcome =
  | { status: "sent"; platformMessageId?: string }
  /** Try again later. `pauseChannelMs`: the platform said slow down (429): the whole channel waits. */
  | { status: "retry"; reason: string; retryAfterMs?: number; pauseChannelMs?: number }
  /** The platform refused this message for good (400 bad request). */
  | { status: "failed"; reason: string }
  /** The person blocked the bot or the account is gone (403): never try this identity again. */
  | { status: "unreachable"; reason: string }
  /** Not sent on purpose, e.g. outside WhatsApp's 24-hour window with no template. */
  | { status: "skipped"; reason: string }
  /**
   * The request may have reached the platform but no answer came back (a timeout, a connection
   * reset mid-request). Never retried: a duplicate is worse than a reported gap.
   */
  | { status: "uncertain"; reason: string };

export interface BulkSender {
  channel: ChannelName;
  send(externalId: string, message: OutboundMessage): Promise<SendOutcome>;
}

/** Where staff watch a broadcast: one message, edited in place where the platform allows it. */
export interface StaffNotifier {
  channel: ChannelName;
  /** Posts a message and returns a reference to edit it later (undefined if it cannot be edited). */
  post(chatId: string, text: string): Promise<string | undefined>;
  edit(chatId: string, messageRef: string, text: string): Promise<void>;
}

/** What a broadcast's renderer sees of the broadcast. */
export interface BroadcastToRender {
  id: string;
  /** { [language]: text } as the staff member wrote it. */
  texts: Record<string, string>;
  imageUrl: string | null;
  operational: boolean;
}

/** What a broadcast's renderer sees of the person it goes to. */
export interface RecipientToRender {
  id: string;
  name: string | null;
  language: string;
  role: string | null;
  regionCode: string | null;
}

/**
 * Turns a broadcast into the message one person gets: their language, the campaign's name,
 * the "Balas STOP untuk berhenti" footer. Throwing marks the delivery failed ("render_failed").
 */
export type RenderBroadcast = (broadcast: BroadcastToRender, recipient: RecipientToRender, channel: ChannelName) => OutboundMessage;
