// The delivery layer's ports: how a message the bot starts reaches a platform, and what
// the platform said. Channels implement BulkSender; the dispatcher never imports a channel.
// The message itself is the domain's (its renderers write it); channels see it from here.
import type { ChannelName } from "../domain/contacts/channelName.js";
import type { OutboundMessage } from "../domain/deliveries/outboundMessage.js";

export type { OutboundChoice, OutboundMessage } from "../domain/deliveries/outboundMessage.js";

/** How a message went on a channel with a free-form window: free text, or the approved template. */
export type SentAs = "text" | "template";

export type SendOutcome =
  /** `platformMessageId`: the platform's id for it (status webhooks name it); `sentAs`: on a channel with a window. */
  | { status: "sent"; platformMessageId?: string; sentAs?: SentAs }
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

/**
 * What a platform reported later about a message it had accepted (the Cloud API's status webhooks),
 * naming it by the id it answered the send with. `at`: when the platform says it happened.
 */
export type DeliveryReceipt =
  | { platformMessageId: string; event: "delivered" | "read"; at: Date }
  /** `reason`: the platform's code, e.g. "cloud_api_131026". */
  | { platformMessageId: string; event: "failed"; at: Date; reason: string }
  /** The channel sent another message in its place (the template after a late 131047); `by` is that one's id. */
  | { platformMessageId: string; event: "replaced"; at: Date; by: string; sentAs: SentAs };

/** An approved message template whose body has one text parameter ({{1}}): the message's text goes in it. */
export interface ApprovedTemplate {
  name: string;
  /** The language code it was approved in, e.g. "id" or "en_US". */
  language: string;
}

/**
 * A platform that takes free-form messages only for a while after the person last wrote (the
 * WhatsApp Cloud API: 24 hours); outside it, only an approved template may go.
 */
export interface FreeFormWindow {
  ms: number;
  /** The template by the person's language ("id", "en"); "*" serves every language. Empty: none approved. */
  templates: Readonly<Record<string, ApprovedTemplate>>;
}

/** Why a delivery cannot go on a channel with a free-form window. */
export type WindowSkipReason = "outside_24h_window" | "no_template_language";

/** How a message goes on a channel with a free-form window, as decideDelivery decided. */
export type MessageForm =
  | {
      as: "text";
      /** What to do if the platform says the window has closed after all (our record of the last message was late). */
      ifClosed: { template: ApprovedTemplate } | { skip: WindowSkipReason };
    }
  | { as: "template"; template: ApprovedTemplate };

export interface BulkSender {
  channel: ChannelName;
  /** Set when the platform limits free-form messages (see FreeFormWindow); decideDelivery then picks the form. */
  window?: FreeFormWindow;
  /** `form`: given when the channel has a window. */
  send(externalId: string, message: OutboundMessage, form?: MessageForm): Promise<SendOutcome>;
}

/** Where staff watch a broadcast: one message, edited in place where the platform allows it. */
export interface StaffNotifier {
  channel: ChannelName;
  /** Posts a message and returns a reference to edit it later (undefined if it cannot be edited). */
  post(chatId: string, text: string): Promise<string | undefined>;
  edit(chatId: string, messageRef: string, text: string): Promise<void>;
}
