import { z } from "zod";

// Only what the adapter reads is typed; every other field Telegram adds is stripped, not refused,
// so a new Bot API field never turns a good update into a dropped one.

// NUL is never something a person typed, and PostgreSQL refuses it in text.
const text = z.string().transform((s) => s.replaceAll("\u0000", ""));
const present = z.looseObject({}).optional();
// Unix seconds; Telegram's are 32-bit, and a larger one would be no date a database can store.
const unixTime = z.int().min(0).max(2 ** 32 - 1);

const user = z.object({
  id: z.int(),
  first_name: text,
  language_code: z.string().optional(),
});

const chat = z.object({ id: z.int(), type: z.string() });

const message = z.object({
  message_id: z.int(),
  date: unixTime,
  chat,
  // Absent only in channels and for anonymous group admins; a private chat always has it (checked below).
  from: user.optional(),
  text: text.optional(),
  caption: text.optional(),
  contact: z.object({ phone_number: z.string(), user_id: z.int().optional() }).optional(),
  photo: z.array(z.object({ file_id: z.string().min(1), width: z.int(), height: z.int() })).optional(),
  document: z
    .object({ file_id: z.string().min(1), file_name: z.string().optional(), mime_type: z.string().optional(), file_size: z.number().nonnegative().optional() })
    .optional(),
  sticker: present,
  voice: present,
  video: present,
  video_note: present,
  audio: present,
  animation: present,
  location: present,
  venue: present,
  poll: present,
  dice: present,
  story: present,
});

const callbackQuery = z.object({
  id: z.string().min(1),
  from: user,
  // Absent for a button under an inline-mode message (Relawan has none); a 0-date stub when the message is too old.
  message: z.object({ message_id: z.int(), chat }).optional(),
  // Absent for game buttons (Relawan has none).
  data: text.optional(),
});

const chatMemberUpdate = z.object({
  chat,
  date: unixTime,
  new_chat_member: z.object({ status: z.string() }),
});

const updateSchema = z
  .object({
    update_id: z.int(),
    message: message.optional(),
    callback_query: callbackQuery.optional(),
    my_chat_member: chatMemberUpdate.optional(),
  })
  .superRefine((update, ctx) => {
    const kinds = [update.message, update.callback_query, update.my_chat_member].filter((kind) => kind !== undefined).length;
    // The three kinds Relawan subscribes to (allowed_updates); Telegram puts exactly one in each update.
    if (kinds !== 1) ctx.addIssue({ code: "custom", message: "expected exactly one of message, callback_query, my_chat_member" });
    if (update.message?.chat.type === "private" && update.message.from === undefined) {
      ctx.addIssue({ code: "custom", path: ["message", "from"], message: "a private message without its sender" });
    }
  });

export type TelegramUpdate = z.infer<typeof updateSchema>;
export type TelegramMessage = NonNullable<TelegramUpdate["message"]>;
export type TelegramUser = z.infer<typeof user>;

export type ParsedTelegramUpdate =
  | { status: "ok"; update: TelegramUpdate }
  /** `updateId` when the body had one, for the log line. */
  | { status: "invalid"; updateId?: number; problem: string };

/** Checks one update, as polled or posted to the webhook, against the shape the Bot API documents. */
export function parseTelegramUpdate(body: unknown): ParsedTelegramUpdate {
  const parsed = updateSchema.safeParse(body);
  if (parsed.success) return { status: "ok", update: parsed.data };
  const issue = parsed.error.issues[0];
  const path = (issue?.path ?? []).map(String).join(".");
  const updateId = typeof body === "object" && body !== null ? (body as { update_id?: unknown }).update_id : undefined;
  return {
    status: "invalid",
    ...(Number.isSafeInteger(updateId) ? { updateId: updateId as number } : {}),
    problem: `${path || "update"}: ${issue?.message ?? "invalid"}`,
  };
}
