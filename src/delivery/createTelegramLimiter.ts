import type { Config } from "../config.js";
import { createChannelLimiter, grantSpanAt, type ChannelLimiter } from "./createChannelLimiter.js";
import type { Logger } from "../logger.js";
import { createRedisSendWindow } from "./createRedisSendWindow.js";

export interface TelegramLimiter {
  limiter: ChannelLimiter;
  stop(): Promise<void>;
}

/**
 * Telegram's limits for this process. Telegram counts ~30 msg/s per bot, not per process: with
 * REDIS_URL every process of this bot (receivers' replies and dispatchers) shares one send
 * window in Redis, over one connection.
 */
export function createTelegramLimiter(config: Config, logger: Logger): TelegramLimiter {
  const token = config.TELEGRAM_BOT_TOKEN ?? "";
  const perSecond = config.TELEGRAM_PAID_BROADCAST ? config.TELEGRAM_PAID_RATE_PER_SECOND : config.TELEGRAM_RATE_PER_SECOND;
  // perSecond calls in any 1000 ms, counted from each grant until a second after its answer came
  // back: Telegram saw the call in between, so no headroom is needed for the time from check to
  // arrival, however it differs between processes (a slow database write, a starved event loop).
  const sendWindow = config.REDIS_URL
    ? createRedisSendWindow({
        url: config.REDIS_URL,
        key: `relawan:telegram:${token.split(":")[0]}`,
        limit: Math.max(1, Math.floor(perSecond)),
        windowMs: 1000,
        intervalMs: 1000 / perSecond,
        catchUpMs: grantSpanAt(perSecond),
        onAway: (err) => logger.warn({ err }, "Redis (REDIS_URL) is not answering: Telegram sending is paused until it is back, so no process goes over the limit"),
        onBack: () => logger.info("Redis (REDIS_URL) is answering again: Telegram sending resumes"),
      })
    : undefined;
  const limiter = createChannelLimiter({
    perSecond,
    perChatPerSecond: config.TELEGRAM_PER_CHAT_PER_SECOND,
    ...(sendWindow ? { sendWindow } : {}),
  });
  return {
    limiter,
    // The limiter closes its send window (and so the Redis connection) when it stops.
    stop: () => limiter.stop(),
  };
}
