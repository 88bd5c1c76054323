import { describe, expect, it } from "vitest";
import { createInitiatedPacer, type InitiatedPacerOptions } from "../../src/delivery/createInitiatedPacer.js";

const HOUR = 3_600_000;

/** A clock that only moves when the pacer sleeps, so an hour of pacing takes no real time. */
function virtualTime(start = Date.UTC(2026, 0, 1, 8)) {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
    sleeps,
    start,
  };
}

/** A small seeded generator (mulberry32), so the jitter is random but repeatable. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pacerWith(time: ReturnType<typeof virtualTime>, options: Partial<InitiatedPacerOptions> = {}) {
  return createInitiatedPacer({ minIntervalMs: 8_000, jitterMs: 0, maxPerHour: 200, now: time.now, sleep: time.sleep, ...options });
}

function gaps(times: number[]): number[] {
  return times.slice(1).map((t, i) => t - times[i]!);
}

describe("createInitiatedPacer", () => {
  it("starts the first task at once and spaces the rest by the minimum interval, in order", async () => {
    const time = virtualTime();
    const pacer = pacerWith(time);
    const started: [number, number][] = [];
    const results = await Promise.all([1, 2, 3, 4].map((n) => pacer.run(async () => (started.push([n, time.now()]), n * 10))));

    expect(results).toEqual([10, 20, 30, 40]);
    expect(started.map(([n]) => n)).toEqual([1, 2, 3, 4]);
    expect(started.map(([, t]) => t - time.start)).toEqual([0, 8_000, 16_000, 24_000]);
  });

  it("adds a jitter between 0 and jitterMs to every gap", async () => {
    const time = virtualTime();
    const pacer = pacerWith(time, { jitterMs: 7_000, random: seeded(42) });
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 50 }, () => pacer.run(async () => void starts.push(time.now()))));

    const spacing = gaps(starts);
    expect(Math.min(...spacing)).toBeGreaterThanOrEqual(8_000);
    expect(Math.max(...spacing)).toBeLessThanOrEqual(15_000);
    // Really random: the gaps are spread over the range, not all the same.
    expect(new Set(spacing).size).toBeGreaterThan(40);
    expect(Math.max(...spacing) - Math.min(...spacing)).toBeGreaterThan(5_000);
  });

  it("uses the extremes of random() as exactly min and min + jitter", async () => {
    const time = virtualTime();
    const values = [0, 0.999999, 0];
    const pacer = pacerWith(time, { jitterMs: 7_000, random: () => values.shift() ?? 0 });
    const starts: number[] = [];
    await Promise.all([1, 2, 3].map(() => pacer.run(async () => void starts.push(time.now()))));
    expect(gaps(starts)).toEqual([15_000, 8_000]);
  });

  it("never starts more than maxPerHour in any rolling hour", async () => {
    const time = virtualTime();
    const pacer = pacerWith(time, { minIntervalMs: 1_000, maxPerHour: 5 });
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 12 }, () => pacer.run(async () => void starts.push(time.now()))));

    const relative = starts.map((t) => t - time.start);
    expect(relative.slice(0, 6)).toEqual([0, 1_000, 2_000, 3_000, 4_000, HOUR]);
    for (const from of starts) {
      expect(starts.filter((t) => t >= from && t < from + HOUR).length).toBeLessThanOrEqual(5);
    }
    expect(relative.at(-1)).toBe(2 * HOUR + 1_000);
  });

  it("counts the hour from real starts, so an idle pause frees the budget", async () => {
    const time = virtualTime();
    const pacer = pacerWith(time, { minIntervalMs: 1_000, maxPerHour: 2 });
    const starts: number[] = [];
    const send = () => pacer.run(async () => void starts.push(time.now() - time.start));
    await Promise.all([send(), send()]);
    time.advance(30 * 60_000);
    await send(); // still inside the hour of the first: waits until it leaves
    time.advance(2 * HOUR);
    await Promise.all([send(), send()]);
    expect(starts).toEqual([0, 1_000, HOUR, 3 * HOUR, 3 * HOUR + 1_000]);
  });

  it("does not let a failing task block the queue", async () => {
    const time = virtualTime();
    const pacer = pacerWith(time);
    const ran: string[] = [];
    const first = pacer.run(async () => {
      ran.push("first");
      throw new Error("WhatsApp found no chat");
    });
    const second = pacer.run(async () => {
      ran.push("second");
      return "ok";
    });
    await expect(first).rejects.toThrow("WhatsApp found no chat");
    await expect(second).resolves.toBe("ok");
    expect(ran).toEqual(["first", "second"]);
    // A failed attempt still counts as a start: it may well have reached WhatsApp.
    expect(time.sleeps).toEqual([8_000]);
  });

  it("measures the gap from the start of a slow task, not its end", async () => {
    const time = virtualTime();
    const pacer = pacerWith(time);
    const starts: number[] = [];
    await Promise.all([
      pacer.run(async () => {
        starts.push(time.now());
        time.advance(5_000);
      }),
      pacer.run(async () => void starts.push(time.now())),
    ]);
    expect(gaps(starts)).toEqual([8_000]);
    expect(time.sleeps).toEqual([3_000]);
  });

  it("waits for real time by default", async () => {
    const pacer = createInitiatedPacer({ minIntervalMs: 20, jitterMs: 0, maxPerHour: 100 });
    const starts: number[] = [];
    await Promise.all([1, 2, 3].map(() => pacer.run(async () => void starts.push(performance.now()))));
    for (const gap of gaps(starts)) expect(gap).toBeGreaterThanOrEqual(18);
  });

  it("refuses settings that cannot pace anything", () => {
    expect(() => createInitiatedPacer({ minIntervalMs: 8_000, jitterMs: 0, maxPerHour: 0 })).toThrow("maxPerHour");
    expect(() => createInitiatedPacer({ minIntervalMs: -1, jitterMs: 0, maxPerHour: 10 })).toThrow("zero or more");
    expect(() => createInitiatedPacer({ minIntervalMs: Number.NaN, jitterMs: 0, maxPerHour: 10 })).toThrow("zero or more");
  });
});
