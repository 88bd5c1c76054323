// Telegram Update payloads shaped like what the Bot API really sends (fields as documented and observed),
// minus update_id, which the fake Bot API assigns when queued.
import type { Update } from "telegraf/types";
import { parseTelegramUpdate, type TelegramUpdate } from "../../../src/channels/telegram/parseTelegramUpdate.js";

export type UpdateWithoutId = Omit<Update, "update_id"> & { update_id?: number };

export const SITI = {
  id: 5123456789,
  is_bot: false,
  first_name: "Siti",
  last_name: "Rahayu",
  username: "sitirahayu",
  language_code: "id",
} as const;

export const BUDI = { id: 6234567890, is_bot: false, first_name: "Budi", language_code: "en" } as const;

const DATE = 1767225600; // 2026-01-01T00:00:00Z

// Telegram never reuses a message id in a chat or a callback query id; neither do the fixtures.
let nextMessageId = 1000;
let nextCallbackId = 1;
const freshMessageId = () => nextMessageId++;

function privateChat(user: { id: number; first_name: string }) {
  return { id: user.id, first_name: user.first_name, type: "private" as const };
}

export function textMessage(text: string, from: typeof SITI | typeof BUDI = SITI, messageId = freshMessageId()): UpdateWithoutId {
  const commandEntity = text.startsWith("/")
    ? { entities: [{ offset: 0, length: text.split(" ")[0]!.length, type: "bot_command" as const }] }
    : {};
  return {
    message: { message_id: messageId, from, chat: privateChat(from), date: DATE, text, ...commandEntity },
  } as UpdateWithoutId;
}

export function groupTextMessage(text: string): UpdateWithoutId {
  return {
    message: {
      message_id: 501,
      from: SITI,
      chat: { id: -1001987654321, title: "Relawan Jakarta Selatan", type: "supergroup" },
      date: DATE,
      text,
    },
  } as UpdateWithoutId;
}

export function callbackQuery(data: string, from: typeof SITI | typeof BUDI = SITI): UpdateWithoutId {
  return {
    callback_query: {
      id: `4382bfdwdsb323b2d${nextCallbackId++}`,
      from,
      message: {
        message_id: 12,
        from: { id: 7000000001, is_bot: true, first_name: "Relawan", username: "relawan_test_bot" },
        chat: privateChat(from),
        date: DATE,
        text: "Mau bantu apa?",
        reply_markup: { inline_keyboard: [[{ text: "Jadi relawan", callback_data: data }]] },
      },
      chat_instance: "-7308237459012345678",
      data,
    },
  } as UpdateWithoutId;
}

/** A contact card; `userId` is whose card it is (Telegram sets it only for Telegram users). */
export function contactMessage(phone: string, userId: number | undefined, from: typeof SITI = SITI): UpdateWithoutId {
  return {
    message: {
      message_id: freshMessageId(),
      from,
      chat: privateChat(from),
      date: DATE,
      contact: {
        phone_number: phone,
        first_name: userId === from.id ? from.first_name : "Joko",
        ...(userId === undefined ? {} : { user_id: userId }),
      },
    },
  } as UpdateWithoutId;
}

export function stickerMessage(): UpdateWithoutId {
  return {
    message: {
      message_id: freshMessageId(),
      from: SITI,
      chat: privateChat(SITI),
      date: DATE,
      sticker: {
        file_id: "CAACAgIAAxkBAAIBZ2ZkAAE",
        file_unique_id: "AgADdQADr8ZRGg",
        type: "regular",
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
        emoji: "👍",
        set_name: "HotCherry",
      },
    },
  } as UpdateWithoutId;
}

export function photoMessage(caption?: string): UpdateWithoutId {
  return {
    message: {
      message_id: freshMessageId(),
      from: SITI,
      chat: privateChat(SITI),
      date: DATE,
      photo: [
        { file_id: "AgACAgUAAxkBAAIB-small", file_unique_id: "AQADsmall", file_size: 1342, width: 90, height: 67 },
        { file_id: "AgACAgUAAxkBAAIB-large", file_unique_id: "AQADlarge", file_size: 48211, width: 800, height: 600 },
      ],
      ...(caption === undefined ? {} : { caption }),
    },
  } as UpdateWithoutId;
}

export function pinnedServiceMessage(): UpdateWithoutId {
  return {
    message: {
      message_id: freshMessageId(),
      from: SITI,
      chat: privateChat(SITI),
      date: DATE,
      pinned_message: { message_id: 12, chat: privateChat(SITI), date: DATE, text: "Mau bantu apa?" },
    },
  } as UpdateWithoutId;
}

export function myChatMember(status: "kicked" | "member", from: typeof SITI = SITI): UpdateWithoutId {
  const bot = { id: 7000000001, is_bot: true, first_name: "Relawan", username: "relawan_test_bot" };
  return {
    my_chat_member: {
      chat: privateChat(from),
      from,
      date: DATE + 60,
      old_chat_member: { user: bot, status: status === "kicked" ? "member" : "kicked", ...(status === "kicked" ? {} : { until_date: 0 }) },
      new_chat_member: { user: bot, status, ...(status === "kicked" ? { until_date: 0 } : {}) },
    },
  } as UpdateWithoutId;
}

export function withId(update: UpdateWithoutId, updateId = 1): Update {
  return { ...update, update_id: updateId } as Update;
}

export const DATE_OF_FIXTURES = new Date(DATE * 1000);

/** The update as the channel sees it after parseTelegramUpdate; a fixture that does not parse fails the test. */
export function parsed(update: UpdateWithoutId | Record<string, unknown>, updateId = 1): TelegramUpdate {
  const result = parseTelegramUpdate({ update_id: updateId, ...update });
  if (result.status !== "ok") throw new Error(`fixture does not parse: ${result.problem}`);
  return result.update;
}
