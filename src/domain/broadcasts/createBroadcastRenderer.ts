import type { RenderBroadcast } from "../deliveries/outboundMessage.js";
import { renderBroadcast, type BroadcastVoice } from "./renderBroadcast.js";

/** The dispatcher's renderer: every delivery rendered exactly as the staff preview showed it. */
export function createBroadcastRenderer(voice: BroadcastVoice): RenderBroadcast {
  return (broadcast, recipient) => renderBroadcast(broadcast, recipient, voice);
}
