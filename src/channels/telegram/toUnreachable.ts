import type { Update } from "telegraf/types";

/**
 * Recognises Telegram telling us a person blocked the bot in their private chat.
 * Returns who and when, or null for every other update.
 */
export function toUnreachable(update: Update): { externalId: string; at: Date } | null {
  if (!("my_chat_member" in update)) return null;
  const change = update.my_chat_member;
  if (change.chat.type !== "private" || change.new_chat_member.status !== "kicked") return null;
  return { externalId: String(change.chat.id), at: new Date(change.date * 1000) };
}
