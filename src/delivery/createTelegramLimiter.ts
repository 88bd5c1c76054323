import type { Config } from "../config.js";
import { createChannelLimiter, type ChannelLimiter } from "./createChannelLimiter.js";
import type { Logger } from "../logger.js";
import { createRedisPacer } from "./createRedisPacer.js";
import { createRedisSendWindow } from "./createRedisSendWindow.js";

export interface TelegramLimiter {
  limiter: ChannelLimiter;
  stop(): Promise<void>;
}

/**
 * Telegram's limits for this process. Telegram counts ~30 msg/s per bot, not per process: with
 * REDIS_URL every process of this bot (receivers' replies and dispatchers) shares one pace.
 */
export function createTelegramLimiter(config: Config, logger: Logger): TelegramLimiter {
  const token = config.TELEGRAM_BOT_TOKEN ?? "";
  const botKey = `telegram:${token.split(":")[0]}`;
  const sharedPace = config.REDIS_URL ? createRedisPacer(config.REDIS_URL, botKey) : undefined;
  // Redis away: both the pace and the send window complain; one warning per 30 s is enough.
  let lastRedisWarning = 0;
  const warnRedisAway = (message: string) => (err: unknown) => {
    if (Date.now() - lastRedisWarning < 30_000) return;
    lastRedisWarning = Date.now();
    logger.warn({ err }, message);
  };
  const perSecond = config.TELEGRAM_PAID_BROADCAST ? config.TELEGRAM_PAID_RATE_PER_SECOND : config.TELEGRAM_RATE_PER_SECOND;
  const limiter = createChannelLimiter({
    perSecond,
    perChatPerSecond: config.TELEGRAM_PER_CHAT_PER_SECOND,
    ...(sharedPace
      ? {
          pacerOptions: sharedPace.pacerOptions,
          // perSecond calls in any 1042 ms, counted across processes: 4% headroom for the time between
          // the check and the arrival, which differs between processes. When the window binds, call
          // n+30 is admitted 1042 ms after call n, so Telegram sees 31 in a second only if call n took
          // 42 ms longer to arrive than call n+30. At 3% (31 ms) a loaded CI machine saw that once in 10,000.
          sendWindow: createRedisSendWindow(
            sharedPace.redis,
            `relawan:${botKey}:sent`,
            Math.max(1, Math.floor(perSecond)),
            1000 / 0.96,
            warnRedisAway("Redis (REDIS_URL) did not answer the send-window check; calls wait for it"),
          ),
          onPacerError: warnRedisAway("Redis (REDIS_URL) is not answering: Telegram sending is paused until it is back, so no process goes over the limit"),
        }
      : {}),
  });
  return {
    limiter,
    async stop() {
      await limiter.stop();
      await sharedPace?.close();
    },
  };
}
