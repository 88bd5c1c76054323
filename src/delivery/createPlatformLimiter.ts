import { createChannelLimiter, grantSpanAt, type ChannelLimiter } from "./createChannelLimiter.js";
import type { Logger } from "../logger.js";
import { createRedisSendWindow } from "./createRedisSendWindow.js";

export interface PlatformLimits {
  /** The platform's limit for the whole bot (or business number), in calls per second. */
  perSecond: number;
  perChatPerSecond?: number;
  /** Names the limit in Redis: every process with the same key shares one send window. */
  key: string;
  /** For the log lines when Redis goes away and comes back, e.g. "Telegram". */
  label: string;
  /** REDIS_URL: with it, the processes of the deployment share the limit; without, this process has it alone. */
  redisUrl?: string | undefined;
}

/**
 * One platform's limiter for this process (createChannelLimiter). The platform counts per bot or
 * per number, not per process: with REDIS_URL every process of the deployment (receivers' replies
 * and dispatchers) shares one send window in Redis, over one connection.
 */
export function createPlatformLimiter(limits: PlatformLimits, logger: Logger): ChannelLimiter {
  const { perSecond, label } = limits;
  // perSecond calls in any 1000 ms, counted from each grant until a second after its answer came
  // back: the platform saw the call in between, so no headroom is needed for the time from check to
  // arrival, however it differs between processes (a slow database write, a starved event loop).
  const sendWindow = limits.redisUrl
    ? createRedisSendWindow({
        url: limits.redisUrl,
        key: limits.key,
        limit: Math.max(1, Math.floor(perSecond)),
        windowMs: 1000,
        intervalMs: 1000 / perSecond,
        catchUpMs: grantSpanAt(perSecond),
        onAway: (err) => logger.warn({ err }, `Redis (REDIS_URL) is not answering: ${label} sending is paused until it is back, so no process goes over the limit`),
        onBack: () => logger.info(`Redis (REDIS_URL) is answering again: ${label} sending resumes`),
      })
    : undefined;
  // The limiter closes its send window (and so the Redis connection) when it stops.
  return createChannelLimiter({
    perSecond,
    ...(limits.perChatPerSecond ? { perChatPerSecond: limits.perChatPerSecond } : {}),
    ...(sendWindow ? { sendWindow } : {}),
  });
}
