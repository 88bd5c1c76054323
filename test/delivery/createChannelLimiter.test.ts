import { describe, expect, it } from "vitest";
import { createChannelLimiter, type ChannelLimits } from "../../src/delivery/createChannelLimiter.js";
import { createVirtualClock, type VirtualClock } from "./support/createVirtualClock.js";

const START = Date.parse("2029-01-10T03:00:00Z");

function limiterOn(time: VirtualClock, limits: Partial<ChannelLimits>) {
  return createChannelLimiter({ perSecond: 30, evenSpacing: false, now: time.now, sleep: time.sleep, ...limits });
}

/** The most starts in any window [t, t + 1000). */
function busiestSecond(starts: number[]): number {
  return Math.max(0, ...starts.map((t) => starts.filter((s) => s >= t && s < t + 1000).length));
}

describe("createChannelLimiter", () => {
  it("never starts more than perSecond in any rolling second", async () => {
    const time = createVirtualClock();
    const limiter = limiterOn(time, { perSecond: 3, maxInFlight: 100 });
    const starts: number[] = [];
    await time.run(Promise.all(Array.from({ length: 10 }, (_, i) => limiter.schedule("bulk", `chat${i}`, async () => void starts.push(time.now())))));

    expect(starts).toHaveLength(10);
    expect(busiestSecond(starts)).toBe(3);
    // Ten messages at three a second need three full seconds after the first.
    expect(Math.max(...starts) - START).toBe(3000);
  });

  it("spaces messages to one chat by the per-chat limit", async () => {
    const time = createVirtualClock();
    const limiter = limiterOn(time, { perSecond: 30, perChatPerSecond: 1 });
    const starts: Record<string, number[]> = { a: [], b: [] };
    await time.run(Promise.all(["a", "a", "b", "a"].map((chat) => limiter.schedule("bulk", chat, async () => void starts[chat]!.push(time.now() - START)))));
    // One a second, 2% slower, as headroom for network jitter.
    expect(starts.a!.map(Math.round)).toEqual([0, 1020, 2041]);
    expect(starts.b).toEqual([0]);
  });

  it("pauses the whole channel, not just one chat, when told to", async () => {
    const time = createVirtualClock();
    const limiter = limiterOn(time, {});
    await time.run(limiter.schedule("bulk", "a", async () => undefined));
    limiter.pause(7000);
    expect(limiter.pausedUntil()).toBe(START + 7000);
    const started: number[] = [];
    await time.run(Promise.all(["b", "c"].map((chat) => limiter.schedule("bulk", chat, async () => void started.push(time.now() - START)))));
    expect(started).toEqual([7000, 7000]);
  });

  it("runs a reply ahead of bulk messages that were queued before it", async () => {
    const limiter = createChannelLimiter({ perSecond: 1000, maxInFlight: 1 });
    const order: string[] = [];
    let release!: () => void;
    const blocker = limiter.schedule("bulk", "x", () => new Promise<void>((resolve) => (release = resolve)));
    const bulk = [1, 2, 3].map((n) => limiter.schedule("bulk", `b${n}`, async () => void order.push(`bulk${n}`)));
    const reply = limiter.schedule("reply", "r", async () => void order.push("reply"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(limiter.waiting()).toBe(4);
    release();
    await Promise.all([blocker, ...bulk, reply]);
    expect(order).toEqual(["reply", "bulk1", "bulk2", "bulk3"]);
    expect(limiter.waiting()).toBe(0);
  });

  it("spreads starts evenly 2% under the limit, and stays on that grid when a start comes late", async () => {
    const time = createVirtualClock();
    const limiter = limiterOn(time, { perSecond: 10, evenSpacing: true });
    const starts: number[] = [];
    const job = (i: number) => limiter.schedule("bulk", `c${i}`, async () => void starts.push(time.now() - START));
    await time.run(Promise.all([0, 1, 2].map(job)));
    // 1000 / (10 * 0.98) = 102.04 ms apart.
    expect(starts.map(Math.round)).toEqual([0, 102, 204]);

    // Nothing was handed in for 150 ms, missing the slot at 306: the next start goes at once (354),
    // and the one after it keeps to the grid (408), instead of every later start shifting.
    time.advance(150);
    await time.run(Promise.all([3, 4].map(job)));
    expect(starts.slice(3).map(Math.round)).toEqual([354, 408]);
  });

  it("drops waiting work on stop and lets running work finish", async () => {
    const limiter = createChannelLimiter({ perSecond: 1000, maxInFlight: 1 });
    let finish!: () => void;
    const running = limiter.schedule("bulk", "a", () => new Promise<string>((resolve) => (finish = () => resolve("done"))));
    const waiting = limiter.schedule("bulk", "b", async () => "ran").catch((err: Error) => err.message);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const stopped = limiter.stop();
    finish();
    await expect(running).resolves.toBe("done");
    await expect(waiting).resolves.toMatch(/stopped/);
    await stopped;
    expect(limiter.waiting()).toBe(0);
  });
});
