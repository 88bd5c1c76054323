import type { OutboundMessage } from "../deliveries/outboundMessage.js";
import { parseBroadcastTexts, type BroadcastTexts } from "./parseBroadcastTexts.js";

/** What renderBroadcast needs from the translator and the campaign (main.ts has both). */
export interface BroadcastVoice {
  translator: {
    defaultLanguage: string;
    languages: string[];
    forLanguage(language: string): (key: string, vars?: Record<string, unknown>) => string;
  };
  /** campaign.name from the content file, per language. */
  campaignName: Record<string, string>;
}

export interface RenderableBroadcast {
  /** Broadcast.texts as stored (JSON) or already parsed. */
  texts: string | BroadcastTexts;
  imageUrl?: string | null;
}

/**
 * One recipient's copy: the text in their language when staff wrote one, else the default,
 * and always the sender and how to stop, in the recipient's own language. The staff preview
 * uses this same function, so what staff confirm is what people get.
 */
export function renderBroadcast(broadcast: RenderableBroadcast, recipient: { language: string }, voice: BroadcastVoice): OutboundMessage {
  const texts = typeof broadcast.texts === "string" ? parseBroadcastTexts(broadcast.texts) : broadcast.texts;
  const { translator, campaignName } = voice;
  const fallback = translator.defaultLanguage;
  const text = texts[recipient.language] ?? texts[fallback] ?? Object.values(texts)[0] ?? "";
  const language = translator.languages.includes(recipient.language) ? recipient.language : fallback;
  const campaign = campaignName[language] ?? campaignName[fallback] ?? Object.values(campaignName)[0] ?? "";
  const footer = translator.forLanguage(language)("broadcast.footer", { campaign });
  return { text: `${text.trim()}\n\n${footer}`, ...(broadcast.imageUrl ? { imageUrl: broadcast.imageUrl } : {}) };
}
