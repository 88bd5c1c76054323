import { describe, expect, it } from "vitest";
import { createSerialLimiter } from "../../src/delivery/createSerialLimiter.js";

describe("createSerialLimiter", () => {
  it("runs tasks one at a time in the order handed in, and a failed one does not block the rest", async () => {
    const limiter = createSerialLimiter();
    const events: string[] = [];
    let running = 0;
    const task = (name: string, fail = false) => async () => {
      running++;
      events.push(`${name}:${running}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([limiter.schedule("bulk", "a", task("one")), limiter.schedule("bulk", "b", task("two", true)), limiter.schedule("bulk", "c", task("three"))]);
    expect(events).toEqual(["one:1", "two:1", "three:1"]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(limiter.serial).toBe(true);
  });

  it("runs each task through its pace and holds the next one back while the channel is paused", async () => {
    const paced: string[] = [];
    const limiter = createSerialLimiter({ pace: (task) => (paced.push("turn"), task()) });
    const at: number[] = [];
    const first = limiter.schedule("bulk", "a", async () => ({ pauseMs: 150 }), (r) => r.pauseMs);
    const second = limiter.schedule("bulk", "b", async () => void at.push(Date.now()));
    await first;
    const pausedAt = Date.now();
    expect(limiter.pausedUntil()).toBeGreaterThanOrEqual(pausedAt + 100);
    await second;
    expect(at[0]).toBeGreaterThanOrEqual(limiter.pausedUntil());
    expect(paced).toEqual(["turn", "turn"]);
  });

  it("drops what waits when stopped, ending a pause early", async () => {
    const limiter = createSerialLimiter();
    limiter.pause(60_000);
    const waiting = limiter.schedule("bulk", "a", async () => "ran");
    expect(limiter.waiting()).toBe(1);
    await limiter.stop();
    await expect(waiting).rejects.toThrow(/stopped/);
    await expect(limiter.schedule("bulk", "b", async () => "ran")).rejects.toThrow(/stopped/);
  });
});
