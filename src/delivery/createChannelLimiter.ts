import { setTimeout as delay } from "node:timers/promises";
import Bottleneck from "bottleneck";
import { createSendWindow, type SendWindow } from "./createSendWindow.js";
import { withTimeout } from "./withTimeout.js";

/** Replies to someone talking to the bot go ahead of broadcast traffic on the same channel. */
export type SendPriority = "reply" | "bulk";

export interface ChannelLimits {
  /** Most platform calls per second for the whole bot (Telegram: 30; paid broadcasts: up to 1000). */
  perSecond: number;
  /** Most calls started in any rolling second to one chat (Telegram: 1). Unset: no per-chat limit. */
  perChatPerSecond?: number;
  /** Most calls started and not yet finished; default half a second's worth, which covers 500 ms of platform latency at full rate. */
  maxInFlight?: number;
  /** Pace starts with bottleneck, evenly, 2% under the limit (default on). Off: only the rolling-second cap. */
  evenSpacing?: boolean;
  /**
   * bottleneck settings for the pacer, e.g. its Redis datastore so that several processes share
   * one bot's limit. Default: in this process.
   */
  pacerOptions?: Bottleneck.ConstructorOptions;
  /**
   * The last check right before a platform call (see ChannelLimiter.admit); default: the calls of
   * this process. With several processes, one shared in Redis.
   */
  sendWindow?: SendWindow;
  /** The pacer failed (e.g. its Redis went away): the channel waits a second and asks again. */
  onPacerError?: (err: unknown) => void;
  /** Injectable for tests; milliseconds since the epoch. */
  now?: () => number;
  /** Waits `ms`, or less when `signal` aborts (then it resolves early). Injectable for tests. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface ChannelLimiter {
  /**
   * Runs `task` when the channel's limits allow, replies before bulk. A task that does more than
   * the platform call (the dispatcher writes the row first) calls admit() right before it.
   */
  schedule<T>(priority: SendPriority, chatId: string, task: () => Promise<T>, pauseAfter?: PauseAfter<T>): Promise<T>;
  /**
   * Schedules a task that is only the platform call (the bot's replies, staff notices): the send
   * window admits it right before it leaves, so it counts with every other call on the channel.
   * A call the platform refused with a short retry-after (see RetryAfter) is made once more after the pause.
   */
  send<T>(priority: SendPriority, chatId: string, call: () => Promise<T>, retryAfter?: RetryAfter): Promise<T>;
  /**
   * Called by a started task right before its platform call: waits while the limit's number of
   * calls already left in the last window (perSecond in 1020 ms when paced). Starts are paced, but
   * what happens between a start and its call (a database write) can delay one call into the next.
   */
  admit(): Promise<void>;
  /** The platform said slow down (429): nothing new starts on this channel for `ms`. */
  pause(ms: number): void;
  /** Epoch milliseconds until which the channel is paused (0 or past: not paused). */
  pausedUntil(): number;
  /** Tasks handed in that have not started yet. */
  waiting(): number;
  /** Drops the tasks that have not started (their promises reject) and waits for running ones. */
  stop(): Promise<void>;
  /**
   * Runs one task at a time and paces the channel itself (WhatsApp Web): a sender should hand it
   * only a few messages at a time. Unset: many at once, paced by the limits.
   */
  readonly serial?: boolean;
}

/** Reads a finished task's result: the platform asked the whole channel to wait this many ms (a 429). */
export type PauseAfter<T> = (result: T) => number | undefined;
/** Reads a platform call's error: the platform asked the whole channel to wait this many ms (a 429). */
export type RetryAfter = (error: unknown) => number | undefined;

// A 429 asking for a wait this short is sat out and the call made again; a longer one is the caller's problem.
export const MAX_INLINE_RETRY_AFTER_MS = 5000;

/**
 * The 429 handling every limiter shares: the channel pauses for what the platform asked, and a
 * call refused with a short wait is scheduled once more (behind the pause, like everything else).
 */
export async function sendHonouringRetryAfter<T>(limiter: Pick<ChannelLimiter, "pause">, once: () => Promise<T>, retryAfter: RetryAfter | undefined): Promise<T> {
  try {
    return await once();
  } catch (err) {
    const waitMs = retryAfter?.(err);
    if (waitMs === undefined) throw err;
    limiter.pause(waitMs);
    if (waitMs > MAX_INLINE_RETRY_AFTER_MS) throw err;
    return once();
  }
}

interface Waiting {
  chatId: string;
  run: () => void;
  drop: (err: Error) => void;
}

const WINDOW_MS = 1000;
// Pacing aims this far under the limit, so network jitter cannot push one message over it.
const SPACING_MARGIN = 0.98;
// How far down each queue to look for a chat that may receive now, past one that must wait.
const LOOKAHEAD = 64;
// bottleneck costs a few timer turns per job (~400 jobs/s on a small server); above this many
// messages a second it grants permits in slices, so 1000 msg/s paid broadcasts cost 50 jobs/s
// (slices of 20, which also begin sending in one statement).
const MAX_PACER_JOBS_PER_SECOND = 50;
const PACER_RETRY_MS = 1000;
// A shared pacer (Redis) that does not answer in this long is treated as gone.
const PACER_TIMEOUT_MS = 3000;


/**
 * A per-channel rate limiter. bottleneck paces the channel (evenly, 2% under the limit; with a
 * Redis datastore the pace is shared by every process of the bot); around it: two queues
 * (replies first), a per-chat spacing with look-ahead past chats that must wait, a 429 pause for
 * the whole channel, and a hard cap of perSecond starts in any rolling second checked at the
 * moment of each start. At most one slice of permits is asked for ahead, only while work waits:
 * bottleneck never holds a backlog that a stalled event loop could release in a burst.
 */
export function createChannelLimiter(limits: ChannelLimits): ChannelLimiter {
  if (!(limits.perSecond > 0)) throw new Error("channel limiter perSecond must be above zero");
  const now = limits.now ?? Date.now;
  const sleep = limits.sleep ?? ((ms: number, signal: AbortSignal) => delay(ms, undefined, { signal }).catch(() => undefined));
  const perSecond = Math.max(1, Math.floor(limits.perSecond));
  const slice = Math.max(1, Math.ceil(limits.perSecond / MAX_PACER_JOBS_PER_SECOND));
  const sliceMs = (slice * WINDOW_MS) / (limits.perSecond * SPACING_MARGIN);
  const pacer = limits.evenSpacing === false ? undefined : new Bottleneck({ minTime: sliceMs, ...limits.pacerOptions });
  // The hard cap counts over the pace's own span (1020 ms when paced), so the 2% stays as headroom
  // for network jitter between two messages a "second" apart.
  const windowMs = pacer ? WINDOW_MS / SPACING_MARGIN : WINDOW_MS;
  const sendWindow = limits.sendWindow ?? createSendWindow(perSecond, windowMs);
  // Timers that fire late can bring two paced starts together; never closer than half the pace.
  // A slice's permits go out together (one statement marks them all sending): no gap inside it.
  const minGapMs = pacer && slice === 1 ? sliceMs / 2 : 0;
  let lastStart = Number.NEGATIVE_INFINITY;
  const chatIntervalMs = limits.perChatPerSecond ? WINDOW_MS / (limits.perChatPerSecond * SPACING_MARGIN) : 0;
  const maxInFlight = limits.maxInFlight ?? Math.max(1, Math.ceil(limits.perSecond / 2));
  const queues: Record<SendPriority, Waiting[]> = { reply: [], bulk: [] };
  // Start times within the last window, oldest first.
  const starts: number[] = [];
  const lastStartByChat = new Map<string, number>();
  const running = new Set<Promise<unknown>>();
  // Permits of the current slice, and until when they are good: one left unused that long is dropped.
  let permits = 0;
  let permitsUntil = 0;
  // The next slice, asked for ahead: resolves with the time bottleneck let it go.
  let nextSlice: Promise<number> | undefined;
  const askPacer = (limiter: Bottleneck) => {
    const asked = limiter.schedule(async () => now());
    asked.catch(() => undefined);
    return asked;
  };
  let pausedUntil = 0;
  let pumping = false;
  let stopped = false;
  let wakePump: () => void = () => undefined;
  // The pump's current wait: ended when new work wakes the pump or the limiter stops.
  let waiting: AbortController | undefined;

  /** The next task allowed to start and when, or undefined when nothing waits. */
  function next(t: number): { queue: Waiting[]; index: number; at: number } | undefined {
    while (starts.length > 0 && starts[0]! <= t - windowMs) starts.shift();
    let base = Math.max(t, pausedUntil, lastStart + minGapMs);
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
          // Each wait has its own signal, aborted as soon as the wait is over, so a wait cut short by
          // new work leaves no timer and no listener behind (one shared signal collected one per wake).
          waiting = new AbortController();
          await Promise.race([sleep(candidate.at - t, waiting.signal), new Promise<void>((resolve) => (wakePump = resolve))]);
          waiting.abort();
          waiting = undefined;
          continue;
        }
        if (pacer && (permits === 0 || t > permitsUntil)) {
          // Time passes while bottleneck paces us: look at the queues afresh afterwards.
          try {
            const granted = await withTimeout(nextSlice ?? askPacer(pacer), PACER_TIMEOUT_MS + sliceMs, "rate-limit pacer did not answer");
            nextSlice = undefined;
            // A slice granted long ago (the queue ran dry meanwhile) is dropped, not banked.
            if (now() - granted <= sliceMs) {
              permits = slice;
              permitsUntil = granted + sliceMs;
            }
            // Ask for the next slice now, so bottleneck plans it from this one's time: its own
            // overhead then never adds up into a slower pace.
            if (queues.reply.length + queues.bulk.length > 1) nextSlice = askPacer(pacer);
          } catch (err) {
            nextSlice = undefined;
            if (stopped) return;
            // No pace, no sending: a datastore that went away must not let us send faster than the limit.
            pausedUntil = Math.max(pausedUntil, now() + PACER_RETRY_MS);
            limits.onPacerError?.(err);
          }
          continue;
        }
        const [task] = candidate.queue.splice(candidate.index, 1);
        permits--;
        start(task!, t);
      }
    } finally {
      pumping = false;
    }
  }

  function pause(ms: number): void {
    pausedUntil = Math.max(pausedUntil, now() + ms);
  }

  function schedule<T>(priority: SendPriority, chatId: string, task: () => Promise<T>, pauseAfter?: PauseAfter<T>): Promise<T> {
    if (stopped) return Promise.reject(new Error("channel limiter stopped"));
    return new Promise<T>((resolve, reject) => {
      queues[priority].push({
        chatId,
        drop: reject,
        run: () => {
          const work = task().then((result) => {
            // The pause starts before the next task can: this one's slot is still held.
            const waitMs = pauseAfter?.(result);
            if (waitMs !== undefined) pause(waitMs);
            resolve(result);
          }, reject);
          running.add(work);
          void work.finally(() => {
            running.delete(work);
            // The platform counts a chat's messages as they arrive, which may be as late as
            // this: the next one to the chat is spaced from here, whatever delayed this one.
            if (chatIntervalMs > 0) lastStartByChat.set(chatId, Math.max(lastStartByChat.get(chatId) ?? 0, now()));
            void pump();
          });
        },
      });
      // A new task may be able to go before the one the pump is waiting for (another chat, a reply).
      wakePump();
      void pump();
    });
  }

  return {
    schedule,
    send: (priority, chatId, call, retryAfter) => sendHonouringRetryAfter({ pause }, () => schedule(priority, chatId, () => sendWindow.admit().then(call)), retryAfter),
    admit: () => sendWindow.admit(),
    pause,
    pausedUntil: () => pausedUntil,
    waiting: () => queues.reply.length + queues.bulk.length,
    async stop() {
      stopped = true;
      const dropped = [...queues.reply.splice(0), ...queues.bulk.splice(0)];
      for (const task of dropped) task.drop(new Error("channel limiter stopped"));
      wakePump();
      // A long 429 pause must not keep the process alive after shutdown.
      waiting?.abort();
      // A shared pacer whose Redis is away would never confirm the stop; do not wait for it.
      if (pacer) await withTimeout(pacer.stop({ dropWaitingJobs: true }), PACER_TIMEOUT_MS).catch(() => undefined);
      await Promise.allSettled([...running]);
    },
  };
}
