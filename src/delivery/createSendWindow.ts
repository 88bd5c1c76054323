import { setTimeout as delay } from "node:timers/promises";

/** The last check before a platform call: at most `limit` calls leave in any rolling window. */
export interface SendWindow {
  /** Resolves when one more call may leave now, and counts it. */
  admit(): Promise<void>;
}

/**
 * In one process: the times calls actually left, so a call that left late (a slow database write,
 * a busy event loop) still counts where it really was, and the next ones wait for it.
 */
export function createSendWindow(limit: number, windowMs: number, now: () => number = () => performance.now()): SendWindow {
  const sent: number[] = [];
  return {
    async admit() {
      for (;;) {
        const t = now();
        while (sent.length > 0 && sent[0]! <= t - windowMs) sent.shift();
        if (sent.length < limit) {
          sent.push(t);
          return;
        }
        await delay(sent[0]! + windowMs - t + 0.5);
      }
    },
  };
}
