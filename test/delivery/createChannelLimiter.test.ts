import { describe, expect, it, vi } from "vitest";
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

// Under vi.useFakeTimers the global setTimeout is fake; node:timers/promises is not.
const fakeSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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

  it("pauses the channel for the platform's retry-after and makes a refused call once more after it", async () => {
    const time = createVirtualClock();
    // One call at a time, so the other chat's call comes after the refusal.
    const limiter = limiterOn(time, { maxInFlight: 1 });
    const calls: [string, number][] = [];
    const tooMany = Object.assign(new Error("429"), { retryAfterMs: 3000 });
    const readRetryAfter = (err: unknown) => (err as { retryAfterMs?: number }).retryAfterMs;
    let refused = false;
    const first = limiter.send("reply", "a", async () => {
      calls.push(["a", time.now() - START]);
      if (!refused) {
        refused = true;
        throw tooMany;
      }
      return "ok";
    }, readRetryAfter);
    const other = limiter.send("reply", "b", async () => void calls.push(["b", time.now() - START]), readRetryAfter);
    await expect(time.run(first)).resolves.toBe("ok");
    await time.run(other);
    // The other chat waited for the pause too: it is the whole bot's.
    expect(calls).toEqual([["a", 0], ["b", 3000], ["a", 3000]]);
    expect(limiter.pausedUntil()).toBe(START + 3000);

    // A long wait pauses the channel just the same, but the call is not sat out: its caller is told.
    const long = limiter.send("reply", "c", () => Promise.reject(Object.assign(new Error("429"), { retryAfterMs: 60_000 })), readRetryAfter);
    await expect(time.run(long)).rejects.toThrow("429");
    const longPause = limiter.pausedUntil();
    expect(longPause).toBe(time.now() + 60_000);
    // Any other error is only passed on (once the pause is over).
    await expect(time.run(limiter.send("reply", "d", () => Promise.reject(new Error("400")), readRetryAfter))).rejects.toThrow("400");
    expect(limiter.pausedUntil()).toBe(longPause);
  });

  it("pauses the channel when a finished task's result says the platform asked it to", async () => {
    const time = createVirtualClock();
    const limiter = limiterOn(time, { maxInFlight: 1 });
    const started: number[] = [];
    const run = (pauseMs?: number) => limiter.schedule("bulk", `c${started.length}`, async () => (started.push(time.now() - START), { pauseMs }), (r) => r.pauseMs);
    await time.run(Promise.all([run(2000), run(), run()]));
    expect(started).toEqual([0, 2000, 2000]);
  });

  it("runs a reply ahead of bulk messages that were queued before it", async () => {
    const limiter = createChannelLimiter({ perSecond: 1000, maxInFlight: 1 });
    const order: string[] = [];
    let release!: () => void;
    let began!: () => void;
    const started = new Promise<void>((resolve) => (began = resolve));
    const blocker = limiter.schedule("bulk", "x", () => new Promise<void>((resolve) => ((release = resolve), began())));
    // The first slot is granted asynchronously: wait for the blocker to start, however long that takes.
    await started;
    const bulk = [1, 2, 3].map((n) => limiter.schedule("bulk", `b${n}`, async () => void order.push(`bulk${n}`)));
    const reply = limiter.schedule("reply", "r", async () => void order.push("reply"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(limiter.waiting()).toBe(4);
    release();
    await Promise.all([blocker, ...bulk, reply]);
    expect(order).toEqual(["reply", "bulk1", "bulk2", "bulk3"]);
    expect(limiter.waiting()).toBe(0);
  });

  it("gives a running task's further call (sendMore) a turn of its own, ahead of waiting tasks, with every in-flight place taken", async () => {
    const time = createVirtualClock();
    // Two calls a second, evenly spaced, and one task in flight at a time: the one asking for more.
    const limiter = createChannelLimiter({ perSecond: 2, maxInFlight: 1, now: time.now, sleep: time.sleep });
    const calls: [string, number][] = [];
    const call = (name: string) => async () => void calls.push([name, time.now() - START]);
    const twoParts = limiter.schedule("bulk", "a", async () => {
      await call("a1")();
      await limiter.sendMore("a", call("a2"));
    });
    const next = limiter.schedule("bulk", "b", call("b1"));
    await time.run(Promise.all([twoParts, next]));
    // a's own turn counts until a second after its task ended (it never said `called`), with a2's: b waits for both.
    expect(calls).toEqual([["a1", 0], ["a2", 500], ["b1", 1500]]);
    await limiter.stop();
  });

  it("spaces starts evenly at the limit, with no burst after an idle spell", async () => {
    vi.useFakeTimers({ now: START });
    try {
      const limiter = createChannelLimiter({ perSecond: 10, sleep: fakeSleep });
      const starts: number[] = [];
      const job = (i: number) => limiter.schedule("bulk", `c${i}`, async () => void starts.push(Date.now() - START));
      const first = Promise.all([0, 1, 2].map(job));
      await vi.advanceTimersByTimeAsync(1000);
      await first;
      // 1000 / 10 = 100 ms apart: never closer than the limit's 100 ms, never much slower.
      const gapsOf = (list: number[]) => list.slice(1).map((t, i) => t - list[i]!);
      expect(starts[0]! - START).toBeLessThan(10);
      expect(gapsOf(starts).every((gap) => gap >= 100 && gap <= 110)).toBe(true);

      // Five idle seconds do not bank permits: the next three go out paced again.
      await vi.advanceTimersByTimeAsync(5000);
      const second = Promise.all([3, 4, 5].map(job));
      await vi.advanceTimersByTimeAsync(1000);
      await second;
      expect(starts[3]! - START).toBeLessThan(6010);
      expect(gapsOf(starts.slice(3)).every((gap) => gap >= 100 && gap <= 110)).toBe(true);
      await limiter.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it("keeps a paid-broadcast rate of 1000 a second in slices, never above the limit in any second", async () => {
    vi.useFakeTimers({ now: START });
    try {
      const limiter = createChannelLimiter({ perSecond: 1000, maxInFlight: 10_000, sleep: fakeSleep });
      const starts: number[] = [];
      const all = Promise.all(Array.from({ length: 3000 }, (_, i) => limiter.schedule("bulk", `c${i}`, async () => void starts.push(Date.now()))));
      for (let step = 0; step < 40; step++) await vi.advanceTimersByTimeAsync(100);
      await all;
      expect(starts).toHaveLength(3000);
      expect(busiestSecond(starts)).toBeLessThanOrEqual(1000);
      // 3000 at 1000 a second: a little over three seconds, not four.
      expect(Math.max(...starts) - START).toBeLessThan(3200);
      await limiter.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it("keeps the paid rate when every wake-up comes late", async () => {
    const time = createVirtualClock();
    // Each wait ends 3 ms after it was due (a timer's rounding, a busy event loop).
    const limiter = createChannelLimiter({ perSecond: 1000, maxInFlight: 10_000, now: time.now, sleep: (ms) => time.sleep(ms + 3) });
    const starts: number[] = [];
    await time.run(Promise.all(Array.from({ length: 3000 }, (_, i) => limiter.schedule("bulk", `c${i}`, async () => void starts.push(time.now())))));
    expect(busiestSecond(starts)).toBeLessThanOrEqual(1000);
    // Grants of 20 every 20 ms: the lateness is made up. Starting the schedule afresh after each
    // late wake-up would be 20 every 23 ms, about 3.45 s for the 3000.
    expect(Math.max(...starts) - START).toBeLessThan(3100);
    await limiter.stop();
  });

  it("holds a task's slot until its call is over, or until the task ends if it does not say", async () => {
    const events: string[] = [];
    const sendWindow = { grant: async () => ({ slots: [`slot${events.length}`], waitMs: 0 }), done: (slot: string) => void events.push(`done ${slot}`) };
    const limiter = createChannelLimiter({ perSecond: 30, evenSpacing: false, sendWindow });
    await limiter.send("reply", "a", async () => void events.push("call"));
    // The dispatcher says when the call is over, then records the answer.
    await limiter.schedule("bulk", "b", async (called) => {
      events.push("call");
      called?.();
      events.push("bookkeeping");
    });
    expect(events).toEqual(["call", "done slot0", "call", "done slot2", "bookkeeping"]);
    await limiter.stop();
  });

  it("sends nothing while its window cannot answer, and asks again a second later", async () => {
    const time = createVirtualClock();
    let answering = false;
    let asked = 0;
    const sendWindow = {
      grant: async () => {
        asked++;
        if (!answering) throw new Error("Redis away");
        return { slots: ["s"], waitMs: 0 };
      },
      done: () => undefined,
    };
    const limiter = limiterOn(time, { sendWindow });
    const sent = limiter.schedule("bulk", "a", async () => time.now() - START);
    setTimeout(() => (answering = true), 50);
    // Virtual time runs only while the limiter waits; the window answers from the fourth second or so.
    const at = await time.run(sent);
    expect(asked).toBeGreaterThanOrEqual(2);
    expect(at % 1000).toBe(0);
    expect(at).toBeGreaterThanOrEqual(1000);
    await limiter.stop();
  });

  it("drops waiting work on stop and lets running work finish", async () => {
    const limiter = createChannelLimiter({ perSecond: 1000, maxInFlight: 1 });
    let finish!: () => void;
    let began!: () => void;
    const started = new Promise<void>((resolve) => (began = resolve));
    const running = limiter.schedule("bulk", "a", () => new Promise<string>((resolve) => {
      finish = () => resolve("done");
      began();
    }));
    const waiting = limiter.schedule("bulk", "b", async () => "ran").catch((err: Error) => err.message);
    // The first slot is granted asynchronously: wait for the first task to begin, however long that takes.
    await started;
    const stopped = limiter.stop();
    finish();
    await expect(running).resolves.toBe("done");
    await expect(waiting).resolves.toMatch(/stopped/);
    await stopped;
    expect(limiter.waiting()).toBe(0);
  });

  it("leaves no timer and no abort listener behind when new work wakes a long wait again and again", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    const limiter = createChannelLimiter({ perSecond: 30, evenSpacing: false });
    // A 429 pause: every task handed in meanwhile wakes the pump, which waits again until the pause ends.
    limiter.pause(60_000);
    const timersBefore = pendingTimers();
    const tasks: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) {
      tasks.push(limiter.schedule("reply", `chat${i}`, async () => i).catch(() => undefined));
      // Replies arrive one by one, each in its own turn of the event loop.
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(limiter.waiting()).toBe(40);
    // One wait for the end of the pause, not one per wake.
    expect(pendingTimers() - timersBefore).toBeLessThanOrEqual(1);
    await limiter.stop();
    await Promise.all(tasks);
    await new Promise((resolve) => setImmediate(resolve));
    process.off("warning", onWarning);
    expect(pendingTimers()).toBeLessThanOrEqual(timersBefore);
    expect(warnings.map((warning) => warning.name)).not.toContain("MaxListenersExceededWarning");
  });
});

function pendingTimers(): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === "Timeout").length;
}
