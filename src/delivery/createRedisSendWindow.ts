import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import type { SendWindow } from "./createSendWindow.js";

// One round trip per grant, on Redis's clock so processes on different hosts agree. KEYS: the
// slots (a sorted set: a running call scores a far-off time, a finished one the time it was
// over) and the next even-spacing time. ARGV: limit, window, interval, running-slot lifetime,
// wanted, slot prefix, first slot number, catch-up, then the slots whose calls are over since last time.
const GRANT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit, window, interval, lifetime, wanted = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local catchup = tonumber(ARGV[8])
for i = 9, #ARGV do redis.call('ZADD', KEYS[1], now, ARGV[i]) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
redis.call('PEXPIRE', KEYS[1], lifetime + window)
if wanted < 1 then return {0, 0} end
local next = tonumber(redis.call('GET', KEYS[2]) or '0')
if now < next then return {0, math.ceil(next - now)} end
local free = limit - redis.call('ZCARD', KEYS[1])
if free <= 0 then
  local oldest = tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2])
  if oldest > now then return {0, window} end
  return {0, oldest + window - now + 1}
end
local count = math.min(free, wanted)
local first = tonumber(ARGV[7])
for i = 0, count - 1 do redis.call('ZADD', KEYS[1], now + lifetime, ARGV[6] .. (first + i)) end
-- Up to catchup late keeps the schedule (lateness does not add up); later starts it afresh.
if now - next > catchup then next = now end
redis.call('SET', KEYS[2], next + count * interval, 'PX', window + lifetime)
return {count, 0}`;

// A running call's slot is dropped after this long if its process never says it is over (it died).
const RUNNING_SLOT_MS = 10_000;
// Redis not answering in this long counts as away.
const COMMAND_TIMEOUT_MS = 3_000;
const RETRY_DONE_MS = 1_000;

export interface RedisSendWindowOptions {
  url: string;
  /** e.g. "relawan:telegram:<bot id>": the bot's window, shared by every process of it. */
  key: string;
  limit: number;
  windowMs: number;
  intervalMs: number;
  /** See SendWindowOptions.catchUpMs; default half an interval. */
  catchUpMs?: number;
  /** Redis stopped answering: said once per outage. */
  onAway: (err: unknown) => void;
  /** Redis answers again after onAway. */
  onBack: () => void;
}

/**
 * The send window (see SendWindow) of one bot in Redis, shared by all its processes, over one
 * connection and one Lua script: a grant checks and records in one round trip, and the slots
 * whose calls are over ride along with the next one. While Redis is away grant() fails (the
 * limiter pauses the channel), and finished slots are kept to be recorded once it is back.
 */
export function createRedisSendWindow(opts: RedisSendWindowOptions): SendWindow {
  // No offline queue: commands fail at once while Redis is away, rather than waiting blind.
  const redis = new Redis(opts.url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: COMMAND_TIMEOUT_MS });
  // Errors are told once per outage through onAway; keep ioredis from printing each retry.
  redis.on("error", () => undefined);
  const prefix = `${randomUUID()}:`;
  const catchUpMs = opts.catchUpMs ?? opts.intervalMs / 2;
  let sequence = 0;
  let finished: string[] = [];
  let flushing = false;
  let away = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  // The first connection is waited for (commands would fail at once before it), up to the command timeout.
  let connecting: Promise<unknown> | undefined = new Promise((resolve) => {
    const timer = setTimeout(resolve, COMMAND_TIMEOUT_MS).unref();
    redis.once("ready", () => (clearTimeout(timer), resolve(undefined)));
  }).then(() => (connecting = undefined));

  async function run(wanted: number): Promise<{ slots: string[]; waitMs: number }> {
    if (connecting) await connecting;
    const over = finished;
    finished = [];
    const first = sequence + 1;
    try {
      const [count, waitMs] = (await redis.eval(GRANT, 2, `${opts.key}:slots`, `${opts.key}:next`, opts.limit, Math.ceil(opts.windowMs), opts.intervalMs, RUNNING_SLOT_MS, wanted, prefix, first, catchUpMs, ...over)) as [number, number];
      if (away) {
        away = false;
        opts.onBack();
      }
      sequence += count;
      return { slots: Array.from({ length: count }, (_, i) => `${prefix}${first + i}`), waitMs };
    } catch (err) {
      finished = over.concat(finished);
      if (!away && !closed) {
        away = true;
        opts.onAway(err);
      }
      throw err;
    }
  }

  function flush(): void {
    if (flushing || closed || finished.length === 0) return;
    flushing = true;
    run(0).then(
      () => {
        flushing = false;
        // Calls that were over meanwhile.
        flush();
      },
      () => {
        flushing = false;
        // Kept for the next grant, and tried again a second later (not at once: Redis is away), so
        // slots do not stay "running" for their whole lifetime.
        retry ??= setTimeout(() => ((retry = undefined), flush()), RETRY_DONE_MS).unref();
      },
    );
  }

  return {
    grant: (wanted) => run(Math.max(1, Math.floor(wanted))),
    done(slot) {
      finished.push(slot);
      // Calls ending together are recorded together, in the next turn of the event loop.
      if (finished.length === 1) setImmediate(flush);
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      // Not flushing: with Redis away a graceful QUIT would wait for ever.
      redis.disconnect();
    },
  };
}
