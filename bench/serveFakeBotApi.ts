// The fake Bot API in its own process for the benchmarks, so its HTTP work does not share an
// event loop (and its arrival clock) with the dispatcher being measured, as Telegram would not.
// Started with fork(); options arrive as JSON in argv[2]; answers "stats" messages over IPC, and
// "inject" messages (a stretch of 429s or 500s, see FakeBotApi.injectFailures) with "injecting".
import { startFakeBotApi, type FakeBotApiOptions, type InjectedFailures } from "../test/support/fakeBotApi.js";

const options = JSON.parse(process.argv[2] ?? "{}") as FakeBotApiOptions;
const api = await startFakeBotApi(options);

export interface FakeBotApiStats {
  /** Messages accepted. */
  delivered: number;
  /** Chats that received more than one message. */
  duplicateChats: number;
  /** Extra messages beyond the first, over all chats. */
  duplicateMessages: number;
  /** 429s provoked by going over `enforceLimits`; injected ones are counted in `injected`. */
  rateLimited: number;
  /** Sends answered with an injected error, by error code. */
  injected: Record<number, number>;
  /** Accepted sends per chat, only when asked for. */
  byChat?: [string, number][];
  /** Arrival of every accepted send, and of every provoked 429 (performance.now() of this process), only when asked for. */
  arrivals?: number[];
  rateLimitedAt?: number[];
  /** Arrival of the first and last accepted send (performance.now() of this process). */
  firstAt?: number;
  lastAt?: number;
  /** performance.now() of this process when it answered: a moment on its clock. */
  now: number;
}

type Request = { type: "stats"; byChat?: boolean; arrivals?: boolean } | { type: "inject"; failures: InjectedFailures } | { type: "close" };

process.on("message", (message: Request) => {
  if (message.type === "close") {
    void api.close().then(() => process.exit(0));
    return;
  }
  if (message.type === "inject") {
    api.injectFailures(message.failures);
    process.send?.({ type: "injecting" });
    return;
  }
  const byChat = api.deliveredByChat();
  const counts = [...byChat.values()];
  const stats: FakeBotApiStats = {
    delivered: counts.reduce((a, b) => a + b, 0),
    duplicateChats: counts.filter((n) => n > 1).length,
    duplicateMessages: counts.reduce((a, n) => a + Math.max(0, n - 1), 0),
    rateLimited: api.rateLimited,
    injected: api.injected(),
    firstAt: api.deliveredAt()[0],
    lastAt: api.deliveredAt().at(-1),
    ...(message.byChat ? { byChat: [...byChat] } : {}),
    ...(message.arrivals ? { arrivals: api.deliveredAt(), rateLimitedAt: api.rateLimitedAt() } : {}),
    now: performance.now(),
  };
  process.send?.(stats);
});

process.send?.({ url: api.url });
