import type { BroadcastTexts } from "./parseBroadcastTexts.js";
import { parseImageUrl } from "./parseImageUrl.js";

// Telegram refuses text over 4,096 characters and image captions over 1,024 (WhatsApp's caption
// limit is the same); the sender line and the STOP hint need room too.
export const maxBroadcastText = 3500;
export const maxBroadcastCaption = 900;

export type BroadcastContentProblem =
  | { problem: "text_missing"; language: string }
  | { problem: "text_too_long"; language: string; max: number }
  | { problem: "image_url" }
  | { problem: "caption_too_long"; language: string; max: number };

/** The checks every broadcast passes, whether written in the chat or on the command line. */
export function checkBroadcastContent(texts: BroadcastTexts, imageUrl: string | undefined, defaultLanguage: string): BroadcastContentProblem | undefined {
  if (!texts[defaultLanguage]?.trim()) return { problem: "text_missing", language: defaultLanguage };
  if (imageUrl !== undefined && parseImageUrl(imageUrl).status !== "ok") return { problem: "image_url" };
  for (const [language, text] of Object.entries(texts)) {
    if (!text.trim()) return { problem: "text_missing", language };
    if (text.length > maxBroadcastText) return { problem: "text_too_long", language, max: maxBroadcastText };
    if (imageUrl !== undefined && text.length > maxBroadcastCaption) return { problem: "caption_too_long", language, max: maxBroadcastCaption };
  }
  return undefined;
}
