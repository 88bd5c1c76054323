// The overview's and the country map's figures, reused for figuresSeconds: read once, shown again,
// read afresh behind the old ones once they are older, and read on every request without the setting.
import pino from "pino";
import { describe, expect, it } from "vitest";
import type { DashboardDeps } from "../../src/web/dashboardTypes.js";
import { rememberFigures } from "../../src/web/rememberFigures.js";

function fakeDeps(figuresSeconds: number | undefined) {
  const clock = { now: new Date("2026-11-01T03:00:00Z") };
  const deps = { clock: () => clock.now, logger: pino({ level: "silent" }), figuresSeconds } as unknown as DashboardDeps;
  return { deps, clock };
}

describe("rememberFigures", () => {
  it("reads once, shares a reading between requests arriving together, and refreshes behind stale figures", async () => {
    const { deps, clock } = fakeDeps(60);
    let readings = 0;
    const read = async () => ++readings;
    const [a, b] = await Promise.all([rememberFigures(deps, "k", read), rememberFigures(deps, "k", read)]);
    expect([a.value, b.value, readings]).toEqual([1, 1, 1]);
    clock.now = new Date(clock.now.getTime() + 59_000);
    expect((await rememberFigures(deps, "k", read)).value).toBe(1);
    expect(readings).toBe(1);
    // Older than a minute: the old figures at once, with the time they were read, and one fresh reading behind them.
    clock.now = new Date(clock.now.getTime() + 2_000);
    const stale = await rememberFigures(deps, "k", read);
    expect(stale).toEqual({ value: 1, readAt: new Date("2026-11-01T03:00:00Z") });
    await expect.poll(() => readings).toBe(2);
    await expect.poll(async () => (await rememberFigures(deps, "k", read)).value).toBe(2);
    expect(readings).toBe(2);
    // Another key is another reading.
    expect((await rememberFigures(deps, "other", read)).value).toBe(3);
  });

  it("keeps the previous figures when a fresh reading fails, and forgets a first reading that failed", async () => {
    const { deps, clock } = fakeDeps(60);
    let fail = false;
    let readings = 0;
    const read = async () => {
      readings++;
      if (fail) throw new Error("database gone");
      return readings;
    };
    expect((await rememberFigures(deps, "k", read)).value).toBe(1);
    fail = true;
    clock.now = new Date(clock.now.getTime() + 120_000);
    expect((await rememberFigures(deps, "k", read)).value).toBe(1);
    await expect.poll(() => readings).toBe(2);
    await expect(rememberFigures(deps, "new", read)).rejects.toThrow("database gone");
    fail = false;
    expect((await rememberFigures(deps, "new", read)).value).toBe(4);
  });

  it("reads on every request without figuresSeconds", async () => {
    const { deps } = fakeDeps(undefined);
    let readings = 0;
    const read = async () => ++readings;
    await rememberFigures(deps, "k", read);
    await rememberFigures(deps, "k", read);
    expect(readings).toBe(2);
  });
});
