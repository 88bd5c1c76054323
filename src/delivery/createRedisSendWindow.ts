import { randomUUID } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import type { Redis } from "ioredis";
import type { SendWindow } from "./createSendWindow.js";

// Redis's clock, so processes on different hosts agree on the window.
const ADMIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window * 2)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return tonumber(oldest[2]) + window - now + 1`;

/**
 * The send window shared by every process of one bot: bottleneck spaces their slots, but each
 * process's timers and database writes can make one call leave late and bunch with the next
 * process's on-time one; this counts the times calls really left, across processes.
 * If Redis does not answer, the call waits and asks again every second (`onError` is told): the
 * calls already started would otherwise all leave at once.
 */
export function createRedisSendWindow(redis: Redis, key: string, limit: number, windowMs: number, onError: (err: unknown) => void): SendWindow {
  return {
    async admit() {
      const member = randomUUID();
      for (;;) {
        let wait: number;
        try {
          wait = Number(await redis.eval(ADMIT, 1, key, limit, Math.ceil(windowMs), member));
        } catch (err) {
          onError(err);
          await delay(1000);
          continue;
        }
        if (wait <= 0) return;
        await delay(wait);
      }
    },
  };
}
