// A local stand-in for api.telegram.org: real HTTP, so telegraf runs unmodified through `apiRoot`.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Update, UserFromGetMe } from "telegraf/types";

/** The token every Telegram test uses against the fake Bot API (it accepts any). */
export const TEST_BOT_TOKEN = "123456789:AAH-test-token_for_relawan";

export interface RecordedRequest {
  method: string;
  token: string;
  body: Record<string, unknown>;
}

export interface ProgrammedFailure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** A stretch of time in which every send is answered with this error, as during a Telegram incident. */
export interface InjectedFailures {
  /** 429 (with retry_after) or 500. */
  errorCode: 429 | 500;
  /** How long from now the sends are refused. */
  forMs: number;
  /** What a 429 says; default 1 second. */
  retryAfterSeconds?: number;
}

/** Telegram's flood limits, enforced like the real server would: too fast gets 429 with retry_after. */
export interface EnforcedLimits {
  /** Messages accepted in any rolling second, across all chats (Telegram: about 30). */
  perSecond: number;
  /** Messages accepted in any rolling second to one chat (Telegram: about 1). */
  perChatPerSecond: number;
  /** What the 429 says; default 1 second. */
  retryAfterSeconds?: number;
}

export interface FakeBotApiOptions {
  bot?: Partial<UserFromGetMe>;
  /** Opt-in: answer sendMessage/sendPhoto with 429 when these limits are exceeded (counted in `rateLimited`). */
  enforceLimits?: EnforcedLimits;
  /** Wait this long before answering sendMessage/sendPhoto, as a far-away server would. */
  latencyMs?: number;
  /** How long an idle keep-alive connection stays open; default 1 s. */
  keepAliveTimeoutMs?: number;
}

// Calls that put a message in a chat: the ones Telegram's flood limits count.
const SEND_METHODS = new Set(["sendMessage", "sendPhoto", "sendDocument"]);

export interface FakeBotApi {
  /** Pass as telegraf's `telegram.apiRoot`. */
  url: string;
  bot: UserFromGetMe;
  /** Every API call in arrival order. */
  requests: RecordedRequest[];
  /** Queues an update for getUpdates; assigns update_id when missing. Returns the queued update. */
  pushUpdate<U extends Update>(update: Omit<U, "update_id"> & { update_id?: number }): U;
  /** The next call(s) of `method` fail with this Bot API error instead of succeeding. */
  failNext(method: string, failure: ProgrammedFailure, times?: number): void;
  /** Polls `probe` over the recorded requests until it returns something truthy, and returns that. */
  waitFor<T>(probe: (requests: readonly RecordedRequest[]) => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  /** Recorded calls of one method, in order. */
  calls(method: string): RecordedRequest[];
  /** Messages accepted per chat id (sendMessage and sendPhoto that were answered ok). */
  deliveredByChat(): Map<string, number>;
  /** When each accepted sendMessage/sendPhoto arrived (performance.now()), in order. */
  deliveredAt(): number[];
  /** 429s answered because `enforceLimits` was exceeded. */
  readonly rateLimited: number;
  /** When each of those 429s was answered (performance.now()), in order. */
  rateLimitedAt(): number[];
  /** From now, answers every send with this error for a while (counted in `injected`, not in `rateLimited`). */
  injectFailures(failures: InjectedFailures): void;
  /** Sends answered with an injected error, by error code. */
  injected(): Record<number, number>;
  /** Current text of a message, after edits. */
  messageText(messageId: number): string | undefined;
  /** A file a person "sent": getFile finds it and the file URL serves these bytes. */
  addFile(fileId: string, bytes: Uint8Array): void;
  close(): Promise<void>;
}

// Real Telegram holds getUpdates up to `timeout` seconds; tests should not wait that long.
const MAX_LONG_POLL_MS = 200;

export async function startFakeBotApi(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  const bot: UserFromGetMe = {
    id: 7000000001,
    is_bot: true,
    first_name: "Relawan",
    username: "relawan_test_bot",
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    ...options.bot,
  };
  const requests: RecordedRequest[] = [];
  let queue: Update[] = [];
  let nextUpdateId = 100_000;
  let nextMessageId = 1;
  const failures = new Map<string, ProgrammedFailure[]>();
  const pollers = new Set<() => void>();
  const texts = new Map<number, string>();
  const files = new Map<string, Uint8Array>();
  const delivered = new Map<string, number>();
  const deliveredTimes: number[] = [];
  // Accepted sends within the last second, oldest first: all chats, and per chat.
  const recentSends: number[] = [];
  const recentByChat = new Map<string, number[]>();
  let rateLimited = 0;
  const rateLimitedTimes: number[] = [];
  let injecting: (InjectedFailures & { until: number }) | undefined;
  const injectedCounts: Record<number, number> = {};

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => reply(res, 500, { ok: false, error_code: 500, description: String(err) }));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // File downloads: /file/bot<token>/<file_path>, as getFile's file_path says.
    const download = /^\/file\/bot[^/]+\/documents\/(.+)$/.exec(new URL(req.url ?? "/", "http://x").pathname);
    if (download) {
      const bytes = files.get(decodeURIComponent(download[1] ?? ""));
      if (!bytes) return reply(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      res.writeHead(200, { "Content-Type": "application/octet-stream" }).end(Buffer.from(bytes));
      return;
    }
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(new URL(req.url ?? "/", "http://x").pathname);
    if (!match) return reply(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    const [, token = "", method = ""] = match;
    const body = parseBody(req.headers["content-type"], await readAll(req));
    const arrivedAt = performance.now();
    requests.push({ method, token, body });

    const failure = failures.get(method)?.shift();
    if (failure) return reply(res, failure.error_code, { ok: false, ...failure });
    if (SEND_METHODS.has(method) && injecting && arrivedAt < injecting.until) {
      const { errorCode } = injecting;
      injectedCounts[errorCode] = (injectedCounts[errorCode] ?? 0) + 1;
      if (errorCode !== 429) return reply(res, errorCode, { ok: false, error_code: errorCode, description: "Internal Server Error" });
      const retryAfter = injecting.retryAfterSeconds ?? 1;
      return reply(res, 429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } });
    }
    if (SEND_METHODS.has(method) && options.enforceLimits && !admit(String(body.chat_id), options.enforceLimits, arrivedAt)) {
      rateLimited++;
      rateLimitedTimes.push(arrivedAt);
      const retryAfter = options.enforceLimits.retryAfterSeconds ?? 1;
      return reply(res, 429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } });
    }
    if (SEND_METHODS.has(method) && options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));

    switch (method) {
      case "getMe":
        return ok(res, bot);
      case "getUpdates":
        return ok(res, await takeUpdates(body, res));
      case "getFile": {
        const bytes = files.get(String(body.file_id));
        if (!bytes) return reply(res, 400, { ok: false, error_code: 400, description: "Bad Request: invalid file_id" });
        return ok(res, { file_id: body.file_id, file_unique_id: `u${String(body.file_id)}`, file_size: bytes.length, file_path: `documents/${String(body.file_id)}` });
      }
      case "sendMessage":
      case "sendDocument":
      case "sendPhoto": {
        const messageId = nextMessageId++;
        const text = String(body.text ?? body.caption ?? "");
        texts.set(messageId, text);
        delivered.set(String(body.chat_id), (delivered.get(String(body.chat_id)) ?? 0) + 1);
        deliveredTimes.push(arrivedAt);
        return ok(res, {
          message_id: messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(body.chat_id), type: "private", first_name: "Person" },
          from: bot,
          ...(method === "sendPhoto"
            ? { photo: [{ file_id: "photo", file_unique_id: "photo", width: 1, height: 1 }], caption: text }
            : method === "sendDocument"
              ? { document: { file_id: "document", file_unique_id: "document" }, caption: text }
              : { text }),
        });
      }
      case "editMessageText": {
        const messageId = Number(body.message_id);
        const current = texts.get(messageId);
        if (current === undefined) return reply(res, 400, { ok: false, error_code: 400, description: "Bad Request: message to edit not found" });
        if (current === String(body.text)) {
          return reply(res, 400, {
            ok: false,
            error_code: 400,
            description: "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
          });
        }
        texts.set(messageId, String(body.text));
        return ok(res, { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: { id: Number(body.chat_id), type: "private" }, text: String(body.text) });
      }
      case "answerCallbackQuery":
      case "setWebhook":
      case "deleteWebhook":
      case "setMyCommands":
        return ok(res, true);
      default:
        return reply(res, 404, { ok: false, error_code: 404, description: "Not Found: method not found" });
    }
  }

  async function takeUpdates(body: Record<string, unknown>, res: http.ServerResponse): Promise<Update[]> {
    const offset = Number(body.offset ?? 0);
    const limit = Number(body.limit ?? 100);
    // Like Telegram: asking from `offset` confirms everything before it.
    if (offset > 0) queue = queue.filter((u) => u.update_id >= offset);
    const waitMs = Math.min(Number(body.timeout ?? 0) * 1000, MAX_LONG_POLL_MS);
    if (queue.length === 0 && waitMs > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          pollers.delete(done);
          resolve();
        };
        const timer = setTimeout(done, waitMs);
        pollers.add(done);
        res.once("close", done); // telegraf aborted the poll (bot.stop)
      });
    }
    return queue.slice(0, limit);
  }

  /** Sliding one-second windows by arrival time, counting only the sends that were accepted. */
  function admit(chatId: string, limits: EnforcedLimits, t: number): boolean {
    while (recentSends.length > 0 && recentSends[0]! <= t - 1000) recentSends.shift();
    const forChat = (recentByChat.get(chatId) ?? []).filter((at) => at > t - 1000);
    if (recentSends.length >= limits.perSecond || forChat.length >= limits.perChatPerSecond) {
      recentByChat.set(chatId, forChat);
      return false;
    }
    recentSends.push(t);
    forChat.push(t);
    recentByChat.set(chatId, forChat);
    if (recentByChat.size > 10_000) for (const [chat, times] of recentByChat) if (times.every((at) => at <= t - 1000)) recentByChat.delete(chat);
    return true;
  }

  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const api: FakeBotApi = {
    url: `http://127.0.0.1:${port}`,
    bot,
    requests,
    pushUpdate<U extends Update>(update: Omit<U, "update_id"> & { update_id?: number }): U {
      const full = { ...update, update_id: update.update_id ?? nextUpdateId++ } as unknown as U;
      queue.push(full);
      for (const wake of [...pollers]) wake();
      return full;
    },
    failNext(method, failure, times = 1) {
      const list = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) list.push(failure);
      failures.set(method, list);
    },
    async waitFor(probe, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = probe(requests);
        if (found) return found;
        if (Date.now() > deadline) {
          throw new Error(`fakeBotApi.waitFor timed out; requests so far: ${requests.map((r) => r.method).join(", ") || "none"}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    calls: (method) => requests.filter((r) => r.method === method),
    deliveredByChat: () => new Map(delivered),
    deliveredAt: () => [...deliveredTimes],
    get rateLimited() {
      return rateLimited;
    },
    rateLimitedAt: () => [...rateLimitedTimes],
    injectFailures(failures) {
      injecting = { ...failures, until: performance.now() + failures.forMs };
    },
    injected: () => ({ ...injectedCounts }),
    messageText: (messageId) => texts.get(messageId),
    addFile: (fileId, bytes) => void files.set(fileId, bytes),
    async close() {
      for (const wake of [...pollers]) wake();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return api;
}

function ok(res: http.ServerResponse, result: unknown): void {
  reply(res, 200, { ok: true, result });
}

function reply(res: http.ServerResponse, status: number, payload: unknown): void {
  if (res.destroyed) return; // the client went away (an aborted long poll)
  res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(payload));
}

function readAll(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseBody(contentType: string | undefined, raw: string): Record<string, unknown> {
  if (raw === "") return {};
  if (contentType?.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  if (contentType?.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(raw));
  // Multipart uploads: keep the raw text; Relawan only sends JSON today.
  return { raw };
}
