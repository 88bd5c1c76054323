import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { createRedisSendWindow, type RedisSendWindowOptions } from "../../src/delivery/createRedisSendWindow.js";
import { createChannelLimiter, type ChannelLimiter } from "../../src/delivery/createChannelLimiter.js";
import { requireService } from "../support/requireService.js";

const redisUp = await requireService("Redis", "127.0.0.1", 6379);
const REDIS = "redis://127.0.0.1:6379";
const opened: ChannelLimiter[] = [];

function limiterSharing(key: string, options: Partial<RedisSendWindowOptions> = {}): ChannelLimiter {
  const sendWindow = createRedisSendWindow({ url: REDIS, key, limit: 20, windowMs: 1000, intervalMs: 50, onAway: () => undefined, onBack: () => undefined, ...options });
  const limiter = createChannelLimiter({ perSecond: 20, sendWindow });
  opened.push(limiter);
  return limiter;
}

afterEach(async () => {
  for (const limiter of opened.splice(0)) await limiter.stop();
});

/** The most calls in any window [t, t + 1000). */
function busiestSecond(times: number[]): number {
  return Math.max(0, ...times.map((t) => times.filter((s) => s >= t && s < t + 1000).length));
}

describe.skipIf(!redisUp)("a bot's send window kept in Redis", () => {
  it("keeps two limiters (two processes of one bot) within one limit together, evenly spaced", async () => {
    const key = `relawan:test:${randomUUID()}`;
    const a = limiterSharing(key);
    const b = limiterSharing(key);
    const starts: number[] = [];
    const t0 = Date.now();
    const send = (limiter: ChannelLimiter, i: number) => limiter.schedule("bulk", `chat${i}`, async () => void starts.push(Date.now()));
    await Promise.all(Array.from({ length: 30 }, (_, i) => send(i % 2 ? a : b, i)));

    // 30 at 20/s shared: about 1.5 s. Each alone would allow 20/s, i.e. 40/s together.
    expect(busiestSecond(starts)).toBeLessThanOrEqual(20);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1400);
    // Spaced at 50 ms, not a burst of 20 at the start (a few ms of slack for the two clocks).
    starts.sort((x, y) => x - y);
    expect(starts[9]! - starts[0]!).toBeGreaterThanOrEqual(9 * 50 - 10);
  });

  it("counts a slot until a window after its call is over, across processes", async () => {
    const key = `relawan:test:${randomUUID()}`;
    const a = limiterSharing(key, { limit: 2, intervalMs: 0 });
    const b = limiterSharing(key, { limit: 2, intervalMs: 0 });
    const over: number[] = [];
    const began: number[] = [];
    // Two slow calls (400 ms) from one process: the other may start its call only a second after they are over.
    const slow = [1, 2].map((i) => a.schedule("bulk", `slow${i}`, async () => {
      began.push(Date.now());
      await new Promise((resolve) => setTimeout(resolve, 400));
      over.push(Date.now());
    }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    let third = 0;
    await b.schedule("bulk", "other", async () => void (third = Date.now()));
    await Promise.all(slow);
    expect(began).toHaveLength(2);
    expect(third - Math.max(...over)).toBeGreaterThanOrEqual(980);
  });

  it("sends nothing while its Redis is unreachable, and says so once", async () => {
    const away: unknown[] = [];
    // Nothing listens on port 1: like a Redis that went away.
    const limiter = limiterSharing(`relawan:test:${randomUUID()}`, { url: "redis://127.0.0.1:1", onAway: (err) => away.push(err) });
    let sent = 0;
    void limiter.schedule("bulk", "chat", async () => void sent++).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 3500));

    expect(sent).toBe(0);
    expect(away).toHaveLength(1);
    expect(limiter.pausedUntil()).toBeGreaterThan(Date.now() - 1000);
  });

  it("goes on sending after Redis lost the window's keys (a restart without persistence)", async () => {
    const key = `relawan:test:${randomUUID()}`;
    const limiter = limiterSharing(key);
    let sent = 0;
    await limiter.schedule("bulk", "chat1", async () => void sent++);
    const redis = new Redis(REDIS);
    try {
      const keys = await redis.keys(`${key}:*`);
      expect(keys.length).toBeGreaterThan(0);
      await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
    await Promise.all([2, 3, 4].map((n) => limiter.schedule("bulk", `chat${n}`, async () => void sent++)));
    expect(sent).toBe(4);
  });

  it("records finished slots without a grant to carry them, so the other processes get them back", async () => {
    const key = `relawan:test:${randomUUID()}`;
    const window = createRedisSendWindow({ url: REDIS, key, limit: 5, windowMs: 300, intervalMs: 0, onAway: () => undefined, onBack: () => undefined });
    const redis = new Redis(REDIS);
    try {
      const { slots } = await window.grant(3);
      expect(slots).toHaveLength(3);
      for (const slot of slots) window.done(slot);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const scores = await redis.zrange(`${key}:slots`, 0, -1, "WITHSCORES");
      const redisNow = Number((await redis.time())[0]) * 1000;
      // Each now scores the time its call was over, not a running slot's far-off time.
      for (let i = 1; i < scores.length; i += 2) expect(Number(scores[i])).toBeLessThanOrEqual(redisNow + 1000);
      expect(scores).toHaveLength(6);
    } finally {
      redis.disconnect();
      await window.close?.();
    }
  });
});
