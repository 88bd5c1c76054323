import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { holdProcessLease } from "../../src/app/holdProcessLease.js";
import { runWhileLeaseHeld } from "../../src/app/runWhileLeaseHeld.js";
import type { ProcessIdentity } from "../../src/domain/processes/acquireProcessLease.js";
import { createLogger } from "../../src/logger.js";
import { createTestDatabase, type TestDatabase } from "../support/createTestDatabase.js";

const logger = createLogger("silent", { pretty: false });
const processOn = (host: string, pid: number, role = "all"): ProcessIdentity => ({ holder: `${host}-${pid}-${Math.random()}`, host, pid, role });

describe("process leases: work only one process may do", () => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase();
  });
  afterEach(async () => {
    vi.useRealTimers();
    await test.close();
  });

  it("refuses a second holder and says who holds it; after release the next one gets it", async () => {
    const other = await test.connect();
    const first = processOn("web-1", 101);
    const second = processOn("web-2", 202, "channels");
    const a = await holdProcessLease({ db: test.db, name: "telegram-polling:1", me: first, logger }, () => undefined);
    expect(a.status).toBe("held");
    const b = await holdProcessLease({ db: other, name: "telegram-polling:1", me: second, logger }, () => undefined);
    expect(b).toMatchObject({ status: "taken", by: { host: "web-1", pid: 101, role: "all" } });
    // A different lease is independent.
    expect((await holdProcessLease({ db: other, name: "telegram-polling:2", me: second, logger }, () => undefined)).status).toBe("held");
    if (a.status === "held") await a.lease.release();
    expect((await holdProcessLease({ db: other, name: "telegram-polling:1", me: second, logger }, () => undefined)).status).toBe("held");
  });

  it("two processes starting at the same moment: exactly one wins", async () => {
    const handles = [test.db, await test.connect(), await test.connect(), await test.connect()];
    const outcomes = await Promise.all(handles.map((db, i) => holdProcessLease({ db, name: "whatsapp-web:+628111", me: processOn(`h${i}`, i + 1), logger }, () => undefined)));
    expect(outcomes.filter((o) => o.status === "held")).toHaveLength(1);
  });

  it("takes over at once from a crashed process on the same host, but not from a live one or another host", async () => {
    const crashed = processOn("web-1", 4242);
    await holdProcessLease({ db: test.db, name: "lease", me: crashed, logger, isAlive: () => true }, () => undefined);
    const alive = await holdProcessLease({ db: test.db, name: "lease", me: processOn("web-1", 1), logger, isAlive: () => true }, () => undefined);
    expect(alive.status).toBe("taken");
    const elsewhere = await holdProcessLease({ db: test.db, name: "lease", me: processOn("web-2", 1), logger, isAlive: () => false }, () => undefined);
    expect(elsewhere.status).toBe("taken");
    const isAlive = vi.fn((pid: number) => pid !== 4242);
    const restarted = await holdProcessLease({ db: test.db, name: "lease", me: processOn("web-1", 2), logger, isAlive }, () => undefined);
    expect(restarted.status).toBe("held");
    expect(isAlive).toHaveBeenCalledWith(4242);
  });

  it("an expired lease is taken by the next process, and the old holder is told it lost it", async () => {
    let now = new Date("2026-11-26T10:00:00Z");
    const clock = () => now;
    const lost = vi.fn();
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const old = await holdProcessLease({ db: test.db, name: "lease", me: processOn("a", 1), logger, clock, ttlMs: 30_000 }, lost);
    expect(old.status).toBe("held");
    now = new Date(now.getTime() + 31_000);
    const next = await holdProcessLease({ db: await test.connect(), name: "lease", me: processOn("b", 2), logger, clock, ttlMs: 30_000 }, () => undefined);
    expect(next.status).toBe("held");
    // The old holder's next renewal finds the lease gone.
    await vi.advanceTimersByTimeAsync(10_000);
    await vi.waitFor(() => expect(lost).toHaveBeenCalledWith("lease"));
  });

  it("standby work runs in one process at a time and moves when that one stops", async () => {
    const runs = { a: 0, b: 0 };
    const work = (key: "a" | "b") => ({ start: () => void runs[key]++, stop: async () => void runs[key]-- });
    const a = runWhileLeaseHeld({ db: test.db, name: "broadcast-progress", me: processOn("a", 1), logger, ttlMs: 600 }, work("a"));
    await vi.waitFor(() => expect(runs.a).toBe(1));
    const b = runWhileLeaseHeld({ db: await test.connect(), name: "broadcast-progress", me: processOn("b", 2), logger, ttlMs: 600 }, work("b"));
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(runs).toEqual({ a: 1, b: 0 });
    await a.stop();
    expect(runs.a).toBe(0);
    await vi.waitFor(() => expect(runs.b).toBe(1), { timeout: 2_000 });
    await b.stop();
    expect(runs).toEqual({ a: 0, b: 0 });
  });

  it("standby work is taken over at once from a crashed holder on the same host, not after the lease runs out", async () => {
    const crashed = processOn("web-1", 4242);
    await holdProcessLease({ db: test.db, name: "task-reminders", me: crashed, logger, isAlive: () => true }, () => undefined);
    let runs = 0;
    const work = { start: () => void runs++, stop: async () => void runs-- };
    const restarted = runWhileLeaseHeld({ db: await test.connect(), name: "task-reminders", me: processOn("web-1", 2), logger, isAlive: (pid) => pid !== 4242 }, work);
    await vi.waitFor(() => expect(runs).toBe(1), { timeout: 2_000 });
    await restarted.stop();
    expect(runs).toBe(0);
  });
});
