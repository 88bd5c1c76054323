import type { BulkSender, OutboundMessage, SendOutcome } from "../../delivery/types.js";
import { createJsonPoster, type JsonAnswer } from "../http/createJsonPoster.js";
import { describeNetworkFailure } from "../http/describeNetworkFailure.js";

export interface TelegramBulkSenderOptions {
  token: string;
  /** https://api.telegram.org, or the fake in tests. */
  apiRoot: string;
  /** TELEGRAM_PAID_BROADCAST: Telegram lifts the limit to 1000 msg/s and bills Stars for the excess. */
  paidBroadcast?: boolean;
  /** A call with no answer after this long is `uncertain`, not retried. */
  timeoutMs?: number;
}

// Telegram's limits count the text after entity parsing, i.e. the plain text we were given.
const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;
const DEFAULT_TIMEOUT_MS = 30_000;
// 401/404 mean a wrong or revoked token: no delivery can succeed, so the channel waits for a fix instead of failing them all.
const BROKEN_TOKEN_PAUSE_MS = 60_000;

interface BotApiAnswer {
  ok: boolean;
  result?: { message_id?: number };
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

/**
 * Broadcast messages over the Bot API. Plain HTTP rather than telegraf: connections stay alive on
 * any apiRoot (telegraf drops keep-alive on http:// roots), and the dispatcher needs every
 * answer mapped to an outcome, never thrown.
 */
export function createTelegramBulkSender(opts: TelegramBulkSenderOptions): BulkSender {
  const post = createJsonPoster(opts.apiRoot, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);

  async function send(externalId: string, message: OutboundMessage): Promise<SendOutcome> {
    const chat_id = /^-?\d+$/.test(externalId) ? Number(externalId) : externalId;
    const paid = opts.paidBroadcast ? { allow_paid_broadcast: true } : {};
    const buttons = message.choices?.length
      ? { reply_markup: { inline_keyboard: message.choices.map((c) => [{ text: c.label, callback_data: c.id }]) } }
      : {};
    let method: string;
    let payload: Record<string, unknown>;
    if (message.imageUrl) {
      if (message.text.length > MAX_CAPTION) return { status: "failed", reason: "caption_too_long" };
      method = "sendPhoto";
      payload = { chat_id, photo: message.imageUrl, caption: escapeHtml(message.text), parse_mode: "HTML", ...buttons, ...paid };
    } else {
      if (message.text.length > MAX_TEXT) return { status: "failed", reason: "text_too_long" };
      method = "sendMessage";
      payload = { chat_id, text: escapeHtml(message.text), parse_mode: "HTML", ...buttons, ...paid };
    }

    let response: JsonAnswer;
    try {
      response = await post(`/bot${opts.token}/${method}`, payload);
    } catch (err) {
      return fromNetworkError(err);
    }
    const answer = isBotApiAnswer(response.body) ? response.body : undefined;
    if (response.status >= 500) return { status: "retry", reason: `http_${response.status}` };
    const ok = response.status >= 200 && response.status < 300;
    if (!answer) return ok ? { status: "uncertain", reason: "unreadable_answer" } : { status: "failed", reason: `http_${response.status}` };
    if (answer.ok) return { status: "sent", platformMessageId: answer.result?.message_id === undefined ? undefined : String(answer.result.message_id) };
    const code = answer.error_code ?? response.status;
    const description = answer.description ?? `http_${code}`;
    if (code === 429) {
      const retryAfterSeconds = answer.parameters?.retry_after ?? 1;
      return { status: "retry", reason: "rate_limited", pauseChannelMs: retryAfterSeconds * 1000 };
    }
    // In a private chat 403 only ever means blocked by the user or a deactivated account.
    if (code === 403) return { status: "unreachable", reason: description };
    if (code === 401 || code === 404) return { status: "retry", reason: description, pauseChannelMs: BROKEN_TOKEN_PAUSE_MS };
    if (code >= 500) return { status: "retry", reason: description };
    return { status: "failed", reason: description };
  }

  return { channel: "telegram", send };
}

function fromNetworkError(err: unknown): SendOutcome {
  const failure = describeNetworkFailure(err);
  // The request went out and no answer came: Telegram may have delivered it.
  if (failure.code === "timeout") return { status: "uncertain", reason: "timeout" };
  return { status: failure.neverLeft ? "retry" : "uncertain", reason: `network_${failure.code}` };
}

function isBotApiAnswer(body: unknown): body is BotApiAnswer {
  return typeof body === "object" && body !== null && typeof (body as { ok?: unknown }).ok === "boolean";
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
