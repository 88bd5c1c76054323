// The terminal as a channel of the outbox: what the bot starts (a broadcast, a staff's /reply, a
// task offer) reaches the person at the terminal by being printed into their chat.
import type { BulkSender, OutboundMessage, SendOutcome } from "../../delivery/types.js";
import type { ConsoleChannel } from "./createConsoleChannel.js";

export function createConsoleBulkSender(chat: Pick<ConsoleChannel, "deliver">): BulkSender {
  return {
    channel: "console",
    async send(externalId: string, message: OutboundMessage): Promise<SendOutcome> {
      // The text says how to answer by typing; a terminal has no buttons and shows no pictures, so the link goes in the text.
      const text = message.imageUrl ? `${message.text}\n\n${message.imageUrl}` : message.text;
      const outcome = await chat.deliver(externalId, { text });
      if (outcome === "printed") return { status: "sent" };
      // Printed at the next launch: the chat is not open yet (start-up) or any more (quitting).
      if (outcome === "not_open") return { status: "retry", reason: "terminal_not_open", retryAfterMs: 5_000 };
      return { status: "skipped", reason: "another_terminal" };
    },
  };
}
