// Time that moves only when the code under test waits for it, so hours of quiet hours,
// back-off and 429 pauses take milliseconds. Sleeps are concurrent, like real timers.

export interface VirtualClock {
  /** Epoch milliseconds. */
  now(): number;
  date(): Date;
  /** Resolves when virtual time reaches now + ms (moved by run() or advance()). */
  sleep(ms: number): Promise<void>;
  /** Moves time forward, waking every sleeper due by then. */
  advance(ms: number): void;
  set(iso: string): void;
  /** Awaits `work`; whenever nothing else is happening, jumps to the next sleeper's wake-up time. */
  run<T>(work: Promise<T>): Promise<T>;
  /** Every sleep requested, in milliseconds. */
  readonly sleeps: number[];
}

export function createVirtualClock(startIso = "2029-01-10T03:00:00Z"): VirtualClock {
  let now = Date.parse(startIso);
  let timers: { at: number; wake: () => void }[] = [];
  const sleeps: number[] = [];

  function wakeDue(): void {
    const due = timers.filter((t) => t.at <= now);
    timers = timers.filter((t) => t.at > now);
    for (const timer of due) timer.wake();
  }

  // A few real timer turns: long enough for promise chains and zero-delay timers,
  // too short for a database or HTTP round trip, which run() waits out in real time.
  const quiet = async () => {
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  };

  return {
    now: () => now,
    date: () => new Date(now),
    sleep(ms) {
      sleeps.push(ms);
      return new Promise((wake) => {
        timers.push({ at: now + Math.max(0, ms), wake });
      });
    },
    advance(ms) {
      now += ms;
      wakeDue();
    },
    set(iso) {
      now = Date.parse(iso);
      wakeDue();
    },
    async run<T>(work: Promise<T>): Promise<T> {
      let settled = false;
      const watched = work.finally(() => (settled = true));
      watched.catch(() => undefined);
      let idleTurns = 0;
      while (!settled) {
        await quiet();
        if (settled) break;
        // Real I/O may still be running; only jump once the work has stayed idle for a moment.
        if (timers.length === 0 || idleTurns < 3) {
          idleTurns++;
          await new Promise((resolve) => setTimeout(resolve, 2));
          continue;
        }
        idleTurns = 0;
        const next = Math.min(...timers.map((t) => t.at));
        now = Math.max(now, next);
        wakeDue();
      }
      return watched;
    },
    sleeps,
  };
}
