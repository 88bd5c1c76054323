// A stand-in ConversationEngine that records what the channel hands it. Transcript tests with the real
// engine can pass that engine to startTelegramHarness instead.
import type { ChannelName, ConversationEngine, InboundMessage, Reply } from "../../../src/conversation/types.js";

export interface RecordingEngine extends ConversationEngine {
  handled: InboundMessage[];
  unreachable: { channel: ChannelName; externalId: string; at: Date }[];
}

export function recordingEngine(respond: (message: InboundMessage) => Reply[] | Promise<Reply[]>): RecordingEngine {
  const handled: InboundMessage[] = [];
  const unreachable: RecordingEngine["unreachable"] = [];
  // Like the real engine: a platform message id is handled once.
  const seen = new Set<string>();
  return {
    handled,
    unreachable,
    async handle(message) {
      if (message.messageId) {
        const key = `${message.channel}:${message.messageId}`;
        if (seen.has(key)) return { replies: [], effects: [{ type: "duplicate" }] };
        seen.add(key);
      }
      handled.push(message);
      return { replies: await respond(message), effects: [] };
    },
    async resume(channel, externalId, at) {
      const message: InboundMessage = { channel, externalId, kind: "text", text: "/start", receivedAt: at };
      handled.push(message);
      return { replies: await respond(message), effects: [] };
    },
    async markUnreachable(channel, externalId, at) {
      unreachable.push({ channel, externalId, at });
    },
  };
}

/** Replies "Kamu bilang: <text>" to text, and names the kind of anything else. */
export function echo(message: InboundMessage): Reply[] {
  if (message.kind === "text") return [{ text: `Kamu bilang: ${message.text ?? ""}` }];
  if (message.kind === "choice") return [{ text: `Pilihan: ${message.choiceId ?? ""}` }];
  if (message.kind === "contact") return [{ text: `Nomor: ${message.sharedPhone ?? ""}` }];
  return [{ text: "Maaf, saya hanya bisa membaca teks." }];
}
