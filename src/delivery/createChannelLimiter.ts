import { setTimeout as delay } from "node:timers/promises";

/** Replies to someone talking to the bot go ahead of broadcast traffic on the same channel. */
export type SendPriority = "reply" | "bulk";

export interface ChannelLimits {
  /** Most platform calls started in any rolling second for the whole bot (Telegram: 30; paid broadcasts: up to 1000). */
  perSecond: number;
  /** Most calls started in any rolling second to one chat (Telegram: 1). Unset: no per-chat limit. */
  perChatPerSecond?: number;
  /** Most calls started and not yet finished; default half a second's worth, which covers 500 ms of platform latency at full rate. */
  maxInFlight?: number;
  /** Spread starts evenly, 2% under the limit, instead of up to perSecond at once (default on). */
  evenSpacing?: boolean;
  /** Injectable for tests; milliseconds since the epoch. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface ChannelLimiter {
  /**
   * Runs `task` when the channel's limits allow, replies before bulk. The Telegram channel can
   * pass its replies through the same limiter: `limiter.schedule("reply", chatId, () => send())`.
   */
  schedule<T>(priority: SendPriority, chatId: string, task: () => Promise<T>): Promise<T>;
  /** The platform said slow down (429): nothing new starts on this channel for `ms`. */
  pause(ms: number): void;
  /** Epoch milliseconds until which the channel is paused (0 or past: not paused). */
  pausedUntil(): number;
  /** Tasks handed in that have not started yet. */
  waiting(): number;
  /** Drops the tasks that have not started (their promises reject) and waits for running ones. */
  stop(): Promise<void>;
}

interface Waiting {
  chatId: string;
  run: () => void;
  drop: (err: Error) => void;
}

const WINDOW_MS = 1000;
// Even spacing aims this far under the limit, so network jitter cannot push one message over it.
const SPACING_MARGIN = 0.98;
// How far down each queue to look for a chat that may receive now, past one that must wait.
const LOOKAHEAD = 64;

/**
 * A per-channel rate limiter: two queues (replies first), starts spaced evenly on a fixed grid,
 * and hard limits checked against the clock at the moment of each start: at most perSecond
 * starts in any rolling second, perChatPerSecond per chat, nothing while paused.
 *
 * Hand-rolled rather than bottleneck: bottleneck yields a timer turn (setTimeout 0) several
 * times per job inside a serialised lock, which caps it near 400 jobs/s on a small server,
 * below Telegram's 1000 msg/s paid broadcasts; and it plans start times ahead, so a blocked
 * event loop released late starts in one burst. See bench/run.ts for the figures.
 */
export function createChannelLimiter(limits: ChannelLimits): ChannelLimiter {
  if (!(limits.perSecond > 0)) throw new Error("channel limiter perSecond must be above zero");
  const now = limits.now ?? Date.now;
  // Aborted on stop, so a long 429 pause does not keep the process alive after shutdown.
  const aborter = new AbortController();
  const sleep = limits.sleep ?? ((ms: number) => delay(ms, undefined, { signal: aborter.signal }).catch(() => undefined));
  const perSecond = Math.max(1, Math.floor(limits.perSecond));
  const spacingMs = limits.evenSpacing === false ? 0 : WINDOW_MS / (limits.perSecond * SPACING_MARGIN);
  // A late start may catch up on the grid (so timer lateness does not slow the rate), but never
  // closer than half a slot to the one before, and a start further behind than this restarts the
  // grid: no burst after a blocked event loop or an idle spell.
  const minGapMs = spacingMs / 2;
  // The hard limit counts over the grid's own span (1020 ms when spacing is on), so catching up
  // after a late start never squeezes perSecond starts into less than that: the 2% stays as
  // headroom for network jitter between two messages a "second" apart.
  const windowMs = Math.max(WINDOW_MS, perSecond * spacingMs);
  const maxBehindMs = Math.max(2 * spacingMs, 5);
  const chatIntervalMs = limits.perChatPerSecond ? WINDOW_MS / (limits.perChatPerSecond * SPACING_MARGIN) : 0;
  const maxInFlight = limits.maxInFlight ?? Math.max(1, Math.ceil(limits.perSecond / 2));
  const queues: Record<SendPriority, Waiting[]> = { reply: [], bulk: [] };
  // Start times within the last window, oldest first.
  const starts: number[] = [];
  const lastStartByChat = new Map<string, number>();
  const running = new Set<Promise<unknown>>();
  let lastSlot = Number.NEGATIVE_INFINITY;
  let lastStart = Number.NEGATIVE_INFINITY;
  let pausedUntil = 0;
  let pumping = false;
  let stopped = false;
  let wakePump: () => void = () => undefined;

  /** The next task allowed to start and when, or undefined when nothing waits. */
  function next(t: number): { queue: Waiting[]; index: number; at: number } | undefined {
    while (starts.length > 0 && starts[0]! <= t - windowMs) starts.shift();
    let base = Math.max(t, pausedUntil, lastSlot + spacingMs, lastStart + minGapMs);
    if (starts.length >= perSecond) base = Math.max(base, starts[0]! + windowMs);
    let best: { queue: Waiting[]; index: number; at: number } | undefined;
    for (const queue of [queues.reply, queues.bulk]) {
      for (let index = 0; index < Math.min(queue.length, LOOKAHEAD); index++) {
        const last = chatIntervalMs > 0 ? lastStartByChat.get(queue[index]!.chatId) : undefined;
        const at = last === undefined ? base : Math.max(base, last + chatIntervalMs);
        if (at === base) return { queue, index, at };
        if (!best || at < best.at) best = { queue, index, at };
      }
    }
    return best;
  }

  function start(task: Waiting, t: number): void {
    starts.push(t);
    const slot = lastSlot + spacingMs;
    lastSlot = t - slot > maxBehindMs ? t : slot;
    lastStart = t;
    if (chatIntervalMs > 0) {
      lastStartByChat.set(task.chatId, t);
      // A broadcast touches each chat once; forget chats whose spacing has long passed.
      if (lastStartByChat.size > 10_000) for (const [chat, at] of lastStartByChat) if (at <= t - chatIntervalMs) lastStartByChat.delete(chat);
    }
    task.run();
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (!stopped && running.size < maxInFlight) {
        const t = now();
        const candidate = next(t);
        if (!candidate) return;
        if (candidate.at > t) {
          await Promise.race([sleep(candidate.at - t), new Promise<void>((resolve) => (wakePump = resolve))]);
          continue;
        }
        const [task] = candidate.queue.splice(candidate.index, 1);
        start(task!, t);
      }
    } finally {
      pumping = false;
    }
  }

  return {
    schedule<T>(priority: SendPriority, chatId: string, task: () => Promise<T>): Promise<T> {
      if (stopped) return Promise.reject(new Error("channel limiter stopped"));
      return new Promise<T>((resolve, reject) => {
        queues[priority].push({
          chatId,
          drop: reject,
          run: () => {
            const work = task().then(resolve, reject);
            running.add(work);
            void work.finally(() => {
              running.delete(work);
              void pump();
            });
          },
        });
        // A new task may be able to go before the one the pump is waiting for (another chat, a reply).
        wakePump();
        void pump();
      });
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, now() + ms);
    },
    pausedUntil: () => pausedUntil,
    waiting: () => queues.reply.length + queues.bulk.length,
    async stop() {
      stopped = true;
      const dropped = [...queues.reply.splice(0), ...queues.bulk.splice(0)];
      for (const task of dropped) task.drop(new Error("channel limiter stopped"));
      wakePump();
      aborter.abort();
      await Promise.allSettled([...running]);
    },
  };
}
