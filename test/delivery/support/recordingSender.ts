import type { ChannelName } from "../../../src/conversation/types.js";
import type { BulkSender, OutboundMessage, SendOutcome } from "../../../src/delivery/types.js";

export interface Recorded {
  externalId: string;
  text: string;
  imageUrl?: string;
}

/** A sender that keeps what it was given; `answer` may act (a STOP, a pause) while "sending". */
export function recordingSender(channel: ChannelName, answer?: (externalId: string, n: number) => Promise<SendOutcome | void> | SendOutcome | void) {
  const sent: Recorded[] = [];
  const sender: BulkSender = {
    channel,
    async send(externalId: string, message: OutboundMessage) {
      sent.push({ externalId, text: message.text, ...(message.imageUrl ? { imageUrl: message.imageUrl } : {}) });
      return (await answer?.(externalId, sent.length)) ?? { status: "sent", platformMessageId: `m${sent.length}` };
    },
  };
  return { sender, sent };
}
