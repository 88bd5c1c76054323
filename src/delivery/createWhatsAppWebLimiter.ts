import type { ChannelLimiter } from "./createChannelLimiter.js";
import type { InitiatedPacer } from "./createInitiatedPacer.js";
import { createSerialLimiter } from "./createSerialLimiter.js";

/**
 * WhatsApp Web's limiter for the messages the bot starts: one at a time, each when the pacer
 * (createInitiatedPacer: a jittered gap and an hourly cap) lets it go, and the channel's pause.
 * While the session is not ready a message is not paced: it fails at once (not connected) and
 * comes back later, without spending a slot of the hour. Replies never go through it.
 */
export function createWhatsAppWebLimiter(pacer: InitiatedPacer, isReady: () => boolean): ChannelLimiter {
  return createSerialLimiter({ pace: (task) => (isReady() ? pacer.run(task) : task()) });
}
