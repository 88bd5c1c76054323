import type { Config } from "../config.js";
import type { ChannelLimiter } from "./createChannelLimiter.js";
import type { Logger } from "../logger.js";
import { createPlatformLimiter } from "./createPlatformLimiter.js";

export interface TelegramLimiter {
  limiter: ChannelLimiter;
  stop(): Promise<void>;
}

/** Telegram's limits for this process: ~30 msg/s per bot (paid broadcasts up to 1000), shared in Redis with REDIS_URL. */
export function createTelegramLimiter(config: Config, logger: Logger): TelegramLimiter {
  const token = config.TELEGRAM_BOT_TOKEN ?? "";
  const limiter = createPlatformLimiter(
    {
      perSecond: config.TELEGRAM_PAID_BROADCAST ? config.TELEGRAM_PAID_RATE_PER_SECOND : config.TELEGRAM_RATE_PER_SECOND,
      perChatPerSecond: config.TELEGRAM_PER_CHAT_PER_SECOND,
      key: `relawan:telegram:${token.split(":")[0]}`,
      label: "Telegram",
      redisUrl: config.REDIS_URL,
    },
    logger,
  );
  return { limiter, stop: () => limiter.stop() };
}
