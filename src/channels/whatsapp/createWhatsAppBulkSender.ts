import type { ChannelName, Reply } from "../../conversation/types.js";
import type { BulkSender, FreeFormWindow, MessageForm, OutboundMessage, SendOutcome, SentAs } from "../../delivery/types.js";
import { CloudApiError, CloudNetworkError } from "./cloud/cloudApiErrors.js";
import { toCloudOutcome } from "./cloud/toCloudOutcome.js";
import { WhatsAppNotConnectedError } from "./web/WhatsAppNotConnectedError.js";

/** Either WhatsApp transport, as the dispatcher sees it: one bot-started message to one person. */
export interface WhatsAppInitiatedSend {
  /** The Cloud API's 24-hour window and templates; whatsapp-web.js has none. */
  window?: FreeFormWindow;
  /**
   * `form`: text or template, as decideDelivery decided (Cloud API only). The Cloud API answers how it
   * went and the wamid its status webhooks will name; whatsapp-web.js answers nothing.
   */
  sendInitiated(
    externalId: string,
    reply: Reply,
    lang?: string,
    form?: MessageForm,
  ): Promise<{ status: "sent"; as: SentAs; messageId: string } | { status: "not_sent" } | void>;
}

// The dispatcher's limiter paces both transports (WhatsApp Web's pacer, the Cloud API's rate), so
// this adapter only translates outcomes.
export function createWhatsAppBulkSender(transport: WhatsAppInitiatedSend, channel: ChannelName = "whatsapp"): BulkSender {
  return {
    channel,
    ...(transport.window ? { window: transport.window } : {}),
    async send(externalId: string, message: OutboundMessage, form?: MessageForm): Promise<SendOutcome> {
      // Neither transport sends a picture by URL here yet: the link goes in the text.
      const text = message.imageUrl ? `${message.text}\n\n${message.imageUrl}` : message.text;
      try {
        const outcome = await transport.sendInitiated(externalId, { text }, undefined, form);
        // Meta refused the free text (131047) and no template was decided on as the fallback.
        if (!outcome) return { status: "sent" };
        if (outcome.status === "not_sent") return { status: "skipped", reason: form?.as === "text" && "skip" in form.ifClosed ? form.ifClosed.skip : "outside_24h_window" };
        return { status: "sent", platformMessageId: outcome.messageId, sentAs: outcome.as };
      } catch (error) {
        if (error instanceof CloudApiError) return toCloudOutcome(error);
        // No answer from Meta: sent again later only if the request surely never left.
        if (error instanceof CloudNetworkError) return { status: error.mayHaveArrived ? "uncertain" : "retry", reason: `cloud_api_network: ${error.message}` };
        if (error instanceof WhatsAppNotConnectedError) return { status: "retry", reason: "whatsapp_not_connected", retryAfterMs: 30_000 };
        // Anything else may have reached WhatsApp; a duplicate is worse than a reported gap.
        return { status: "uncertain", reason: `whatsapp_send_error: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
  };
}
