import type { InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove } from "telegraf/types";
import type { Reply } from "../../conversation/types.js";

/** One sendMessage call: the text and the rest of its parameters. */
export interface TelegramMessage {
  text: string;
  extra: {
    parse_mode: "HTML";
    reply_markup?: InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove;
  };
}

export interface RenderOptions {
  /** Label of the "share my phone" button, already in the person's language. */
  sharePhoneLabel: string;
  /** Take down a phone-request keyboard left over from an earlier reply, if this reply has no markup of its own. */
  removeKeyboard?: boolean;
}

// Telegram's limit is 4096 characters after entity parsing; counting the escaped HTML keeps us safely under it.
const MAX_TEXT = 4096;
const MAX_CALLBACK_DATA_BYTES = 64;

/**
 * Renders a Reply as the Telegram messages that carry it, in send order.
 * Usually one; more when the text is too long or when a phone request needs its own keyboard.
 */
export function renderReply(reply: Reply, options: RenderOptions): TelegramMessage[] {
  const title = reply.title?.trim() ? `<b>${escapeHtml(reply.title.trim())}</b>` : "";
  const firstBudget = title ? MAX_TEXT - title.length - 1 : MAX_TEXT;
  if (firstBudget <= 0) throw new RangeError(`reply title is too long for one Telegram message`);

  const chunks = splitPlainText(reply.text, firstBudget, MAX_TEXT).map(escapeHtml);
  if (title) chunks[0] = chunks[0] ? `${title}\n${chunks[0]}` : title;
  if (chunks.length === 0) throw new RangeError("reply has neither title nor text");

  const messages: TelegramMessage[] = chunks.map((text) => ({ text, extra: { parse_mode: "HTML" } }));
  const last = messages[messages.length - 1]!;
  const choices = reply.choices ?? [];
  const phoneKeyboard: ReplyKeyboardMarkup = {
    keyboard: [[{ text: options.sharePhoneLabel, request_contact: true }]],
    one_time_keyboard: true,
    resize_keyboard: true,
  };

  if (choices.length > 0) {
    last.extra.reply_markup = {
      inline_keyboard: choices.map((choice) => [{ text: choice.label, callback_data: callbackData(choice.id) }]),
    };
    // A message carries one keyboard; the share-phone keyboard needs a message of its own.
    if (reply.requestPhone) {
      messages.push({ text: escapeHtml(options.sharePhoneLabel), extra: { parse_mode: "HTML", reply_markup: phoneKeyboard } });
    }
  } else if (reply.requestPhone) {
    last.extra.reply_markup = phoneKeyboard;
  } else if (options.removeKeyboard) {
    last.extra.reply_markup = { remove_keyboard: true };
  }
  return messages;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapedLength(text: string): number {
  return escapeHtml(text).length;
}

// A choice id that does not fit would come back truncated and match nothing; fail loudly instead.
function callbackData(id: string): string {
  const bytes = Buffer.byteLength(id, "utf8");
  if (bytes === 0 || bytes > MAX_CALLBACK_DATA_BYTES) {
    throw new RangeError(`choice id "${id.slice(0, 80)}" is ${bytes} bytes; Telegram callback_data takes 1-64`);
  }
  return id;
}

/** Splits plain text into pieces whose escaped form fits the budget, preferring line, then word boundaries. */
function splitPlainText(text: string, firstBudget: number, budget: number): string[] {
  const pieces: string[] = [];
  let current = "";
  const limit = () => (pieces.length === 0 ? firstBudget : budget);
  const flush = () => {
    const trimmed = current.replace(/^\n+|\n+$/g, "");
    if (trimmed.trim()) pieces.push(trimmed);
    current = "";
  };

  for (const line of text.split("\n")) {
    const candidate = current ? `${current}\n${line}` : line;
    if (escapedLength(candidate) <= limit()) {
      current = candidate;
      continue;
    }
    flush();
    let rest = line;
    while (escapedLength(rest) > limit()) {
      const head = longestFittingHead(rest, limit());
      if (head === "") {
        // Not even one character fits beside the title: the title goes out alone.
        pieces.push("");
        continue;
      }
      current = head;
      flush();
      rest = rest.slice(head.length).replace(/^ +/, "");
    }
    current = rest;
  }
  flush();
  return pieces;
}

function longestFittingHead(line: string, budget: number): string {
  let end = 0;
  let cost = 0;
  for (const char of line) {
    const charCost = escapedLength(char);
    if (cost + charCost > budget) break;
    cost += charCost;
    end += char.length; // code points, so a surrogate pair is never cut in half
  }
  const lastSpace = line.lastIndexOf(" ", end);
  return lastSpace > 0 && end < line.length ? line.slice(0, lastSpace) : line.slice(0, end);
}
