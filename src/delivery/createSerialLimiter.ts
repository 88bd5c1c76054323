import { setTimeout as delay } from "node:timers/promises";
import { sendHonouringRetryAfter, type ChannelLimiter } from "./createChannelLimiter.js";

export interface SerialLimits {
  /**
   * Runs each task when its turn comes (WhatsApp Web's InitiatedPacer: a jittered gap and an hourly
   * cap). Default: at once, one after another (the terminal).
   */
  pace?: <T>(task: () => Promise<T>) => Promise<T>;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
}

/**
 * The limiter of a channel that sends one message at a time and paces itself: tasks run in the
 * order handed in, each after the one before, none while the channel is paused (a 429). It owns
 * that channel's pause as createChannelLimiter does Telegram's.
 */
export function createSerialLimiter(limits: SerialLimits = {}): ChannelLimiter {
  const now = limits.now ?? Date.now;
  const pace = limits.pace ?? (<T>(task: () => Promise<T>) => task());
  let tail: Promise<unknown> = Promise.resolve();
  let pausedUntil = 0;
  let waiting = 0;
  let stopped = false;
  // Ends a pause early when the limiter stops, so shutdown does not wait for it.
  const stopping = new AbortController();

  const pause = (ms: number) => {
    pausedUntil = Math.max(pausedUntil, now() + ms);
  };

  function schedule<T>(_priority: unknown, _chatId: string, task: () => Promise<T>, pauseAfter?: (result: T) => number | undefined): Promise<T> {
    if (stopped) return Promise.reject(new Error("channel limiter stopped"));
    waiting++;
    const turn = tail.then(async () => {
      // Unref'd: a job waiting out a pause does not keep a stopping process alive.
      while (!stopped && pausedUntil > now()) await delay(pausedUntil - now(), undefined, { signal: stopping.signal, ref: false }).catch(() => undefined);
      waiting--;
      if (stopped) throw new Error("channel limiter stopped");
      const result = await pace(task);
      const waitMs = pauseAfter?.(result);
      if (waitMs !== undefined) pause(waitMs);
      return result;
    });
    // A failed task does not block the ones after it.
    tail = turn.catch(() => undefined);
    return turn;
  }

  return {
    serial: true,
    schedule,
    send: (priority, chatId, call, retryAfter) => sendHonouringRetryAfter({ pause }, () => schedule(priority, chatId, call), retryAfter),
    // One task at a time, paced as a whole: its further calls go within its turn (a turn of their
    // own would queue behind the task that waits for them).
    sendMore: (_chatId, call) => call(),
    pause,
    pausedUntil: () => pausedUntil,
    waiting: () => waiting,
    async stop() {
      stopped = true;
      stopping.abort();
      await tail;
    },
  };
}
