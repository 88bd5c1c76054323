import { Telegram, TelegramError } from "telegraf";
import type { ChannelLimiter } from "../../delivery/createChannelLimiter.js";
import { readRetryAfter } from "./readRetryAfter.js";
import type { StaffNotifier } from "../../delivery/types.js";

export interface TelegramStaffNotifierOptions {
  token: string;
  apiRoot: string;
  /** The Telegram channel's limiter, so progress edits count against the bot's limit like replies do. */
  limiter?: ChannelLimiter;
}

/** Where staff watch a broadcast on Telegram: one message, edited in place. Texts are plain and escaped here. */
export function createTelegramStaffNotifier(opts: TelegramStaffNotifierOptions): StaffNotifier {
  const telegram = new Telegram(opts.token, { apiRoot: opts.apiRoot });
  // Through the limiter, a 429 pauses the whole bot and a short one is sat out, as for replies.
  const limited = <T>(chatId: string, call: () => Promise<T>): Promise<T> => (opts.limiter ? opts.limiter.send("reply", chatId, call, readRetryAfter) : call());

  return {
    channel: "telegram",
    async post(chatId, text) {
      const sent = await limited(chatId, () => telegram.sendMessage(toChatId(chatId), escapeHtml(text), { parse_mode: "HTML" }));
      return String(sent.message_id);
    },
    async edit(chatId, messageRef, text) {
      try {
        await limited(chatId, () => telegram.editMessageText(toChatId(chatId), Number(messageRef), undefined, escapeHtml(text), { parse_mode: "HTML" }));
      } catch (err) {
        // The reading did not change since the last edit; Telegram refuses identical edits.
        if (err instanceof TelegramError && err.code === 400 && /message is not modified/i.test(err.description)) return;
        throw err;
      }
    },
  };
}

function toChatId(chatId: string): number | string {
  return /^-?\d+$/.test(chatId) ? Number(chatId) : chatId;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
