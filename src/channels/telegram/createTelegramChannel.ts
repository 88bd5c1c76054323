import type http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { Logger } from "pino";
import { Telegraf, TelegramError } from "telegraf";
import type { ConversationEngine, Reply, ReplyDocument, ReplyImage } from "../../conversation/types.js";
import { createChannelLimiter, type ChannelLimiter } from "../../delivery/createChannelLimiter.js";
import { createWebhookServer } from "./createWebhookServer.js";
import { launchPolling, type RunningPoll } from "./launchPolling.js";
import { readRetryAfter } from "./readRetryAfter.js";
import { parseTelegramUpdate, type TelegramUpdate } from "./parseTelegramUpdate.js";
import { renderReply, type TelegramMessage } from "./renderReply.js";
import { serializeByKey } from "../../conversation/serializeByKey.js";
import { toInbound } from "./toInbound.js";
import { toUnreachable } from "./toUnreachable.js";

export interface TelegramChannelOptions {
  token: string;
  apiRoot: string;
  engine: ConversationEngine;
  logger: Logger;
  sharePhoneLabel: (lang?: string) => string;
  apologyText: (lang?: string) => string;
  /** Webhook mode; the server answers on `path`, by default the path of `url` (the one registered with Telegram). */
  webhook?: { url: string; secret: string; port: number; host?: string; path?: string };
  /** /healthz and /metrics on the webhook server. */
  ops?: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>;
  /** Injected clock; defaults to the system time. */
  clock?: () => Date;
  /** Polling died after start (token revoked, another process polling with the same token). */
  onPollingStopped?: (err: unknown) => void;
  /**
   * The bot's shared rate limiter: replies go through it ahead of broadcast traffic, and it keeps the
   * 429 pause. Default: one of this channel's own with no limit but that pause (tests).
   */
  limiter?: ChannelLimiter;
}

export interface TelegramChannel {
  start(): Promise<void>;
  stop(): Promise<void>;
  sendReply(chatId: string, reply: Reply, lang?: string): Promise<void>;
  botUsername(): string | undefined;
  /** Where the webhook server listens, once started in webhook mode. */
  webhookAddress(): AddressInfo | undefined;
}

const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;
// Telegram's limit for a photo caption (after entity parsing); the escaped HTML is counted, to be safe.
const MAX_CAPTION = 1024;

/** The Telegram adapter: updates in, engine turns, replies out. It holds no business rules. */
export function createTelegramChannel(opts: TelegramChannelOptions): TelegramChannel {
  const { engine, logger } = opts;
  const clock = opts.clock ?? (() => new Date());
  // webhookReply off: every API call is a real request whose errors we see.
  const bot = new Telegraf(opts.token, { telegram: { apiRoot: opts.apiRoot, webhookReply: false } });
  // Per chat: turns one at a time and in order, and the chat's replies in order on a queue of their own,
  // so a chat whose replies wait out Telegram's 1 msg/s per chat holds up neither its next turn nor anyone else.
  const turns = serializeByKey();
  const ownLimiter = opts.limiter ? undefined : createChannelLimiter({ perSecond: Number.POSITIVE_INFINITY, evenSpacing: false });
  const limiter = opts.limiter ?? ownLimiter!;
  const outgoing = serializeByKey();
  // Chats still showing the share-phone keyboard; the next plain reply takes it down.
  const phoneKeyboardOpen = new Set<string>();
  let polling: RunningPoll | undefined;
  let server: http.Server | undefined;

  bot.catch((err, ctx) => {
    logger.error({ err, update_id: ctx.update.update_id }, "telegram update failed outside the turn");
  });
  bot.use((ctx) => onUpdate(ctx.update as unknown));

  /**
   * Resolves once the update's turn has committed (or it was dropped): telegraf then polls again,
   * confirming the update to Telegram, and the webhook answers 200. The replies follow on the chat's queue.
   */
  function onUpdate(body: unknown): Promise<void> {
    const parsed = parseTelegramUpdate(body);
    if (parsed.status === "invalid") {
      logger.warn({ update_id: parsed.updateId, problem: parsed.problem }, "telegram update dropped: not the shape the Bot API sends");
      return Promise.resolve();
    }
    const { update } = parsed;
    const chatId = privateChatId(update);
    if (chatId === undefined) return Promise.resolve();
    // Answer at once so the button stops spinning even while an earlier turn of this person runs.
    const query = update.callback_query;
    const answered = query
      ? bot.telegram.answerCbQuery(query.id).then(
          () => undefined,
          (err: unknown) => logger.warn({ err, update_id: update.update_id }, "answerCallbackQuery failed"),
        )
      : undefined;
    return new Promise<void>((committed) => {
      void turns
        .run(chatId, async () => {
          await answered;
          await takeTurn(update, chatId, committed);
        })
        .finally(committed);
    });
  }

  async function takeTurn(update: TelegramUpdate, chatId: string, committed: () => void): Promise<void> {
    let lang: string | undefined;
    let isTurn = false;
    try {
      const gone = toUnreachable(update);
      if (gone) return await engine.markUnreachable("telegram", gone.externalId, gone.at);
      const inbound = toInbound(update, clock(), openFile);
      if (inbound === null) return;
      isTurn = true;
      lang = inbound.languageHint;
      const turn = await engine.handle({ ...inbound, ...telegramMessageId(update) }, { onCommitted: committed });
      const language = turn.language ?? lang;
      // A turn that asks for the phone must not take its own keyboard down in a later reply.
      const mayRemoveKeyboard = !turn.replies.some((reply) => reply.requestPhone);
      void outgoing.run(chatId, () => sendReplies(update.update_id, chatId, turn.replies, language, mayRemoveKeyboard));
    } catch (err) {
      logger.error({ err, update_id: update.update_id }, "telegram turn failed");
      if (isTurn) void outgoing.run(chatId, () => apologise(update.update_id, chatId, lang));
    }
  }

  async function sendReplies(updateId: number, chatId: string, replies: Reply[], lang: string | undefined, mayRemoveKeyboard: boolean): Promise<void> {
    try {
      for (const reply of replies) await deliver(chatId, reply, lang, mayRemoveKeyboard);
    } catch (err) {
      if (isForbidden(err)) {
        logger.info({ update_id: updateId }, "telegram person is unreachable; reply dropped");
        return;
      }
      logger.error({ err, update_id: updateId }, "telegram reply failed");
      await apologise(updateId, chatId, lang);
    }
  }

  async function apologise(updateId: number, chatId: string, lang: string | undefined): Promise<void> {
    await deliver(chatId, { text: opts.apologyText(lang) }, lang, true).catch((err: unknown) =>
      logger.warn({ err, update_id: updateId }, "telegram apology failed"),
    );
  }

  async function deliver(chatId: string, reply: Reply, lang: string | undefined, mayRemoveKeyboard: boolean): Promise<void> {
    const messages = renderReply(reply, {
      sharePhoneLabel: opts.sharePhoneLabel(lang),
      removeKeyboard: mayRemoveKeyboard && phoneKeyboardOpen.has(chatId),
    });
    try {
      if (reply.document) {
        const [first] = messages;
        const asCaption = messages.length === 1 && first !== undefined && first.text.length <= MAX_CAPTION ? first : undefined;
        if (!asCaption) for (const message of messages) await sendMessage(chatId, message);
        await sendDocument(chatId, reply.document, asCaption);
      } else if (reply.image) {
        // A short text rides along as the photo's caption; a longer one follows as its own message(s).
        const [first] = messages;
        const asCaption = messages.length === 1 && first !== undefined && first.text.length <= MAX_CAPTION ? first : undefined;
        await sendPhoto(chatId, reply.image, asCaption);
        if (!asCaption) for (const message of messages) await sendMessage(chatId, message);
      } else {
        for (const message of messages) await sendMessage(chatId, message);
      }
    } catch (err) {
      // Telegram says 403 in a private chat only when the person blocked us or is gone.
      if (isForbidden(err)) {
        phoneKeyboardOpen.delete(chatId);
        await engine
          .markUnreachable("telegram", chatId, clock())
          .catch((markErr: unknown) => logger.error({ err: markErr }, "telegram markUnreachable failed"));
      }
      throw err;
    }
    if (reply.requestPhone) phoneKeyboardOpen.add(chatId);
    else if (messages.some((m) => m.extra.reply_markup && "remove_keyboard" in m.extra.reply_markup)) {
      phoneKeyboardOpen.delete(chatId);
    }
  }

  function sendMessage(chatId: string, message: TelegramMessage): Promise<void> {
    return sendWithRetry(chatId, (target) => bot.telegram.sendMessage(target, message.text, message.extra));
  }

  async function sendPhoto(chatId: string, image: ReplyImage, caption: TelegramMessage | undefined): Promise<void> {
    // Drawn here, after the turn has committed; a Buffer (unlike a stream) can be sent again on a retry.
    const source = Buffer.from(await image.png());
    const extra = caption ? { caption: caption.text, ...caption.extra } : {};
    await sendWithRetry(chatId, (target) => bot.telegram.sendPhoto(target, { source, filename: image.fileName }, extra));
  }

  async function sendDocument(chatId: string, document: ReplyDocument, caption: TelegramMessage | undefined): Promise<void> {
    const source = Buffer.from(document.bytes);
    const extra = caption ? { caption: caption.text, ...caption.extra } : {};
    await sendWithRetry(chatId, (target) => bot.telegram.sendDocument(target, { source, filename: document.fileName }, extra));
  }

  /** An admin's document, fetched from Telegram's file server when the core asks for it. */
  async function openFile(fileId: string): Promise<AsyncIterable<Uint8Array>> {
    const link = await bot.telegram.getFileLink(fileId);
    const response = await fetch(link);
    // The link carries the bot token: never put it in an error or a log line.
    if (!response.ok || response.body === null) throw new Error(`telegram file download failed: HTTP ${response.status}`);
    return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  }

  async function sendWithRetry(chatId: string, request: (target: number | string) => Promise<unknown>): Promise<void> {
    const target = /^-?\d+$/.test(chatId) ? Number(chatId) : chatId;
    // The limiter pauses the bot on a 429 and sits out a short one; retrying one message (not the
    // whole reply) keeps a split reply from repeating its first part.
    await limiter.send("reply", chatId, () => request(target), readRetryAfter);
  }

  async function startWebhook(webhook: NonNullable<TelegramChannelOptions["webhook"]>): Promise<void> {
    // Telegram would refuse it or send no header at all, and every update would then bounce with 401.
    if (!/^[A-Za-z0-9_-]{1,256}$/.test(webhook.secret)) {
      throw new Error("telegram webhook secret must be 1-256 characters of A-Z, a-z, 0-9, _ or -");
    }
    bot.botInfo ??= await bot.telegram.getMe();
    const listening = createWebhookServer({
      // Telegram posts to the URL it was given, and a proxy in front usually passes the path on as it is.
      path: webhook.path ?? new URL(webhook.url).pathname,
      secret: webhook.secret,
      logger,
      onUpdate: (update) => bot.handleUpdate(update),
      ...(opts.ops ? { ops: opts.ops } : {}),
    });
    await new Promise<void>((resolve, reject) => {
      listening.once("error", reject);
      listening.listen(webhook.port, webhook.host, () => {
        listening.off("error", reject);
        resolve();
      });
    });
    server = listening;
    try {
      await bot.telegram.setWebhook(webhook.url, {
        secret_token: webhook.secret,
        allowed_updates: [...ALLOWED_UPDATES],
      });
    } catch (err) {
      await closeServer(listening);
      server = undefined;
      throw err;
    }
  }

  return {
    async start() {
      if (polling || server) throw new Error("telegram channel already started");
      if (opts.webhook) await startWebhook(opts.webhook);
      else polling = await launchPolling(bot, [...ALLOWED_UPDATES], logger, opts.onPollingStopped);
    },
    async stop() {
      const current = polling;
      polling = undefined;
      await current?.stop();
      // The webhook stays registered with Telegram, which queues updates until we are back.
      if (server) await closeServer(server);
      server = undefined;
      await turns.drain();
      await outgoing.drain();
      await ownLimiter?.stop();
    },
    sendReply: (chatId, reply, lang) => deliver(chatId, reply, lang, true),
    botUsername: () => bot.botInfo?.username,
    webhookAddress: () => (server?.address() as AddressInfo | null) ?? undefined,
  };
}

/**
 * A key Telegram never reuses for another message, so a redelivered update (webhook retry,
 * restart before the offset was confirmed) is handled once. update_id alone may restart
 * at random after a quiet week; message ids are unique per chat, callback ids globally.
 */
function telegramMessageId(update: TelegramUpdate): { messageId?: string } {
  if (update.message) return { messageId: `m:${update.message.chat.id}:${update.message.message_id}` };
  if (update.callback_query) return { messageId: `c:${update.callback_query.id}` };
  return {};
}

function privateChatId(update: TelegramUpdate): string | undefined {
  const chat = update.message?.chat ?? update.callback_query?.message?.chat ?? update.my_chat_member?.chat;
  return chat?.type === "private" ? String(chat.id) : undefined;
}

function isForbidden(err: unknown): boolean {
  return err instanceof TelegramError && err.code === 403;
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
}
