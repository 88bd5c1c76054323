/**
 * A channel's one rate check: at most `limit` calls in any rolling window as the platform sees
 * them. A granted slot counts from the grant while its call is under way and for one more
 * window after the call is over (the answer came back): the platform saw the call somewhere in
 * between, so however late a busy process let it leave, the next call in its place cannot
 * arrive within a window of it. Grants are also spaced evenly (`intervalMs` a slot), so a
 * channel never starts with a burst.
 */
export interface SendWindow {
  /**
   * Asks for up to `wanted` slots now. `slots` are the ones granted (maybe fewer than asked,
   * maybe none); with none, `waitMs` is the soonest asking again can help. Throws when the check
   * cannot be made (its Redis is away): then nothing may be sent.
   */
  grant(wanted: number): Promise<{ slots: string[]; waitMs: number }>;
  /** The slot's call is over (or it was never made): it counts for one more window from now. */
  done(slot: string): void;
  close?(): Promise<void>;
}

export interface SendWindowOptions {
  limit: number;
  windowMs: number;
  /** Least time between two grants, per slot granted; 0: no spacing. */
  intervalMs: number;
  /**
   * A grant up to this much later than the spacing allowed keeps the schedule: the lateness (a
   * timer's rounding, a busy event loop) is made up by granting the next ones sooner. Later than
   * that (an idle spell) starts the schedule afresh, banking nothing. Default: half an interval.
   */
  catchUpMs?: number;
  now?: () => number;
}

/** The window in this process only. */
export function createSendWindow(opts: SendWindowOptions): SendWindow {
  const now = opts.now ?? (() => performance.now());
  const running = new Set<string>();
  // When calls were over, oldest first (done() comes in time order).
  const over: number[] = [];
  let next = Number.NEGATIVE_INFINITY;
  let sequence = 0;
  const catchUpMs = opts.catchUpMs ?? opts.intervalMs / 2;
  return {
    async grant(wanted) {
      const t = now();
      while (over.length > 0 && over[0]! <= t - opts.windowMs) over.shift();
      if (t < next) return { slots: [], waitMs: next - t };
      const free = opts.limit - running.size - over.length;
      // All taken: the oldest finished one frees its slot first; a running one no sooner than a window from now.
      if (free <= 0) return { slots: [], waitMs: over.length > 0 ? over[0]! + opts.windowMs - t : opts.windowMs };
      const count = Math.min(free, Math.max(1, Math.floor(wanted)));
      const slots = Array.from({ length: count }, () => String(++sequence));
      for (const slot of slots) running.add(slot);
      // A grant up to catchUpMs late keeps the schedule, so lateness does not add up into a slower
      // pace; later than that (an idle spell) starts it afresh, banking nothing.
      next = (t - next <= catchUpMs ? next : t) + count * opts.intervalMs;
      return { slots, waitMs: 0 };
    },
    done(slot) {
      if (running.delete(slot)) over.push(now());
    },
  };
}
