import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { createRedisPacer, type RedisPacer } from "../../src/delivery/createRedisPacer.js";
import { createRedisSendWindow } from "../../src/delivery/createRedisSendWindow.js";
import { createChannelLimiter, type ChannelLimiter } from "../../src/delivery/createChannelLimiter.js";
import { requireService } from "../support/requireService.js";

const redisUp = await requireService("Redis", "127.0.0.1", 6379);
const opened: { limiter: ChannelLimiter; pacer: RedisPacer }[] = [];

function limiterSharing(url: string, key: string, onPacerError?: (err: unknown) => void): ChannelLimiter {
  const pacer = createRedisPacer(url, key);
  const limiter = createChannelLimiter({ perSecond: 20, pacerOptions: pacer.pacerOptions, ...(onPacerError ? { onPacerError } : {}) });
  opened.push({ limiter, pacer });
  return limiter;
}

afterEach(async () => {
  for (const { limiter, pacer } of opened.splice(0)) {
    await limiter.stop();
    await pacer.close();
  }
});

/** The most starts in any window [t, t + 1000). */
function busiestSecond(starts: number[]): number {
  return Math.max(0, ...starts.map((t) => starts.filter((s) => s >= t && s < t + 1000).length));
}

describe.skipIf(!redisUp)("a channel's pace kept in Redis", () => {
  it("keeps two limiters (two processes of one bot) within one limit together", async () => {
    const key = `test:${randomUUID()}`;
    const a = limiterSharing("redis://127.0.0.1:6379", key);
    const b = limiterSharing("redis://127.0.0.1:6379", key);
    const starts: number[] = [];
    const t0 = Date.now();
    const send = (limiter: ChannelLimiter, i: number) => limiter.schedule("bulk", `chat${i}`, async () => void starts.push(Date.now()));
    await Promise.all(Array.from({ length: 30 }, (_, i) => send(i % 2 ? a : b, i)));

    // 30 at 20/s shared (2% under): about 1.5 s. Each alone would allow 20/s, i.e. 40/s together.
    expect(busiestSecond(starts)).toBeLessThanOrEqual(20);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1400);
  });

  it("sends nothing and says so while its Redis is unreachable", async () => {
    const errors: unknown[] = [];
    // Nothing listens on port 1: like a Redis that went away.
    const limiter = limiterSharing("redis://127.0.0.1:1", `test:${randomUUID()}`, (err) => errors.push(err));
    let sent = 0;
    void limiter.schedule("bulk", "chat", async () => void sent++).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 4500));

    expect(sent).toBe(0);
    expect(errors.length).toBeGreaterThan(0);
    expect(limiter.pausedUntil()).toBeGreaterThan(Date.now() - 1000);
  });

  it("goes on sending after Redis lost the pace's keys (a restart without persistence)", async () => {
    const key = `test:${randomUUID()}`;
    const limiter = limiterSharing("redis://127.0.0.1:6379", key);
    let sent = 0;
    await limiter.schedule("bulk", "chat1", async () => void sent++);
    const redis = new Redis("redis://127.0.0.1:6379");
    try {
      const keys = await redis.keys(`b_relawan:${key}*`);
      expect(keys.length).toBeGreaterThan(0);
      await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
    await Promise.all([2, 3, 4].map((n) => limiter.schedule("bulk", `chat${n}`, async () => void sent++)));
    expect(sent).toBe(4);
  }, 15_000);

  it("shares the send window between processes: calls that really left are counted across them", async () => {
    const key = `relawan:test:${randomUUID()}:sent`;
    const clients = [new Redis("redis://127.0.0.1:6379"), new Redis("redis://127.0.0.1:6379")];
    try {
      const windows = clients.map((redis) => createRedisSendWindow(redis, key, 5, 300, (err) => { throw err; }));
      const left: number[] = [];
      await Promise.all(
        windows.map(async (window) => {
          for (let i = 0; i < 6; i++) {
            await window.admit();
            left.push(Date.now());
          }
        }),
      );
      left.sort((a, b) => a - b);
      // 12 calls, never 6 within 300 ms (a ms of slack for the two clocks' rounding).
      for (let i = 5; i < left.length; i++) expect(left[i]! - left[i - 5]!).toBeGreaterThanOrEqual(298);
    } finally {
      for (const redis of clients) redis.disconnect();
    }
  });
});
