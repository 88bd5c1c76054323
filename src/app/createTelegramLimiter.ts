import type { Config } from "../config.js";
import { createChannelLimiter, type ChannelLimiter } from "../delivery/createChannelLimiter.js";
import type { Logger } from "../logger.js";
import { createRedisPacer } from "./createRedisPacer.js";

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
  const sharedPace = config.REDIS_URL ? createRedisPacer(config.REDIS_URL, `telegram:${token.split(":")[0]}`) : undefined;
  let lastPacerWarning = 0;
  const limiter = createChannelLimiter({
    perSecond: config.TELEGRAM_PAID_BROADCAST ? config.TELEGRAM_PAID_RATE_PER_SECOND : config.TELEGRAM_RATE_PER_SECOND,
    perChatPerSecond: config.TELEGRAM_PER_CHAT_PER_SECOND,
    ...(sharedPace
      ? {
          pacerOptions: sharedPace.pacerOptions,
          onPacerError: (err: unknown) => {
            if (Date.now() - lastPacerWarning < 30_000) return;
            lastPacerWarning = Date.now();
            logger.warn({ err }, "Redis (REDIS_URL) is not answering: Telegram sending is paused until it is back, so no process goes over the limit");
          },
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
