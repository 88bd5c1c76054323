import type { TelegramUpdate } from "./parseTelegramUpdate.js";

/**
 * Recognises Telegram telling us a person blocked the bot in their private chat.
 * Returns who and when, or null for every other update.
 */
export function toUnreachable(update: TelegramUpdate): { externalId: string; at: Date } | null {
  const change = update.my_chat_member;
  if (!change || change.chat.type !== "private" || change.new_chat_member.status !== "kicked") return null;
  return { externalId: String(change.chat.id), at: new Date(change.date * 1000) };
}
