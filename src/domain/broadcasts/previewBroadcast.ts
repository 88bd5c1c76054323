import type { OutboundMessage } from "../deliveries/outboundMessage.js";
import { renderBroadcast, type BroadcastVoice, type RenderableBroadcast } from "./renderBroadcast.js";

/**
 * What the recipients of each language the bot speaks will get, footer and STOP hint included,
 * rendered by the function the dispatcher sends with: the chat's /broadcast preview and
 * `relawan broadcast create --dry-run` both show this.
 */
export function previewBroadcast(broadcast: RenderableBroadcast, voice: BroadcastVoice): Array<{ language: string; message: OutboundMessage }> {
  return voice.translator.languages.map((language) => ({ language, message: renderBroadcast(broadcast, { language }, voice) }));
}
