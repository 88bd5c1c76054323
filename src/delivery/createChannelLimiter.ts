import { setTimeout as delay } from "node:timers/promises";
import { createSendWindow, type SendWindow } from "./createSendWindow.js";

/** Replies to someone talking to the bot go ahead of broadcast traffic on the same channel. */
export type SendPriority = "reply" | "bulk";

export interface ChannelLimits {
  /** Most platform calls per second for the whole bot (Telegram: 30; paid broadcasts: up to 1000). */
  perSecond: number;
  /** Most calls started in any rolling second to one chat (Telegram: 1). Unset: no per-chat limit. */
  perChatPerSecond?: number;
  /** Most calls started and not yet finished; default half a second's worth, which covers 500 ms of platform latency at full rate. */
  maxInFlight?: number;
  /** Space grants evenly at the limit (default on), so a channel never starts with a burst. Off: only the rolling window. */
  evenSpacing?: boolean;
  /**
   * The channel's one rate check (see SendWindow); default: the calls of this process. With
   * several processes, one shared in Redis (createRedisSendWindow). A window that fails to
   * answer pauses the channel for a second, then it asks again.
   */
  sendWindow?: SendWindow;
  /** Injectable for tests; milliseconds since the epoch. */
  now?: () => number;
  /** Waits `ms`, or less when `signal` aborts (then it resolves early). Injectable for tests. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface ChannelLimiter {
  /**
   * Runs `task` when the channel's limits allow, replies before bulk. The task holds one slot of
   * the channel's window until it ends; a task that does more after its platform call (the
   * dispatcher records the answer) calls `called()` as soon as the call is over, so the slot
   * frees a window after the call rather than after the bookkeeping.
   */
  schedule<T>(priority: SendPriority, chatId: string, task: (called?: () => void) => Promise<T>, pauseAfter?: PauseAfter<T>): Promise<T>;
  /**
   * Schedules a task that is only the platform call (the bot's replies, staff notices), counted
   * with every other call on the channel. A call the platform refused with a short retry-after
   * (see RetryAfter) is made once more after the pause.
   */
  send<T>(priority: SendPriority, chatId: string, call: () => Promise<T>, retryAfter?: RetryAfter): Promise<T>;
  /**
   * One more platform call of a task this limiter is running (the next part of a message sent in
   * several requests): it takes a turn of its own, counted like any other call, ahead of every task
   * not started yet. It needs no in-flight place: its task holds one while it waits for this call.
   */
  sendMore<T>(chatId: string, call: () => Promise<T>): Promise<T>;
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
  run: (called: () => void) => void;
  drop: (err: Error) => void;
}

const WINDOW_MS = 1000;
// Per-chat spacing aims this far under the limit, so network jitter cannot push one message over it.
const SPACING_MARGIN = 0.98;
// How far down each queue to look for a chat that may receive now, past one that must wait.
const LOOKAHEAD = 64;
// Above this many messages a second the window grants slots in slices (1000 msg/s paid
// broadcasts: 50 grants a second of 20 slots, whose rows also begin sending in one statement).
const MAX_GRANTS_PER_SECOND = 50;
// A window that failed to answer (its Redis is away) is asked again after this long.
const WINDOW_RETRY_MS = 1000;

/**
 * How long one grant's slots last at this rate (a slice's share of a second): also how late a grant
 * may be and keep the send window's schedule (SendWindowOptions.catchUpMs). The limiter asks again
 * when the spacing allows, but a timer or a busy event loop wakes it late; at 1000 msg/s (a grant
 * of 20 every 20 ms) half a slot's interval of slack made each late wake-up a slower pace: 0.83 of
 * the limit at load 8, where the window itself allowed 0.98.
 */
export function grantSpanAt(perSecond: number): number {
  if (!Number.isFinite(perSecond)) return 0;
  const slice = Math.max(1, Math.ceil(perSecond / MAX_GRANTS_PER_SECOND));
  return (slice * WINDOW_MS) / Math.max(1, Math.floor(perSecond));
}

/**
 * A per-channel rate limiter: two queues (replies first), a per-chat spacing with look-ahead
 * past chats that must wait, a 429 pause for the whole channel, and one rate check, the send
 * window (in this process, or in Redis shared by every process of the bot). A task starts only
 * with a slot the window granted, and its slot counts until a window after its call is over, so
 * a call delayed between its start and the platform (a database write, a starved event loop) is
 * still counted where it could have arrived.
 */
export function createChannelLimiter(limits: ChannelLimits): ChannelLimiter {
  if (!(limits.perSecond > 0)) throw new Error("channel limiter perSecond must be above zero");
  const now = limits.now ?? Date.now;
  const sleep = limits.sleep ?? ((ms: number, signal: AbortSignal) => delay(ms, undefined, { signal }).catch(() => undefined));
  const perSecond = Math.max(1, Math.floor(limits.perSecond));
  const slice = Math.max(1, Math.ceil(limits.perSecond / MAX_GRANTS_PER_SECOND));
  // How long a grant's slots are good for: a slice's share of a second.
  const grantSpanMs = grantSpanAt(limits.perSecond);
  const sendWindow =
    limits.sendWindow ??
    createSendWindow({
      limit: Number.isFinite(perSecond) ? perSecond : Number.MAX_SAFE_INTEGER,
      windowMs: WINDOW_MS,
      intervalMs: limits.evenSpacing === false || !Number.isFinite(limits.perSecond) ? 0 : WINDOW_MS / limits.perSecond,
      catchUpMs: grantSpanMs,
      ...(limits.now ? { now: limits.now } : {}),
    });
  const chatIntervalMs = limits.perChatPerSecond ? WINDOW_MS / (limits.perChatPerSecond * SPACING_MARGIN) : 0;
  const maxInFlight = limits.maxInFlight ?? Math.max(1, Math.ceil(limits.perSecond / 2));
  // `more`: further calls of running tasks (sendMore), which take no in-flight place of their own.
  const queues: Record<SendPriority | "more", Waiting[]> = { more: [], reply: [], bulk: [] };
  const lastStartByChat = new Map<string, number>();
  const running = new Set<Promise<unknown>>();
  const runningMore = new Set<Promise<unknown>>();
  // Slots granted and not yet used; one left unused past `slotsUntil` is given back.
  let slots: string[] = [];
  let slotsUntil = 0;
  // The window said no slot before this time: the pump does not ask it again sooner.
  let windowWaitUntil = 0;
  let pausedUntil = 0;
  let pumping = false;
  let stopped = false;
  let wakePump: () => void = () => undefined;
  // The pump's current wait: ended when new work wakes the pump or the limiter stops.
  let waiting: AbortController | undefined;

  const giveBack = () => {
    for (const slot of slots.splice(0)) sendWindow.done(slot);
  };

  /** The next task allowed to start and when, or undefined when nothing waits (`full`: only sendMore calls may start). */
  function next(t: number, full: boolean): { queue: Waiting[]; index: number; at: number } | undefined {
    const base = Math.max(t, pausedUntil, slots.length > 0 ? 0 : windowWaitUntil);
    let best: { queue: Waiting[]; index: number; at: number } | undefined;
    for (const queue of full ? [queues.more] : [queues.more, queues.reply, queues.bulk]) {
      for (let index = 0; index < Math.min(queue.length, LOOKAHEAD); index++) {
        const last = chatIntervalMs > 0 ? lastStartByChat.get(queue[index]!.chatId) : undefined;
        const at = last === undefined ? base : Math.max(base, last + chatIntervalMs);
        if (at === base) return { queue, index, at };
        if (!best || at < best.at) best = { queue, index, at };
      }
    }
    return best;
  }

  function start(task: Waiting, slot: string, t: number): void {
    if (chatIntervalMs > 0) {
      lastStartByChat.set(task.chatId, t);
      // A broadcast touches each chat once; forget chats whose spacing has long passed.
      if (lastStartByChat.size > 10_000) for (const [chat, at] of lastStartByChat) if (at <= t - chatIntervalMs) lastStartByChat.delete(chat);
    }
    let over = false;
    task.run(() => {
      if (over) return;
      over = true;
      sendWindow.done(slot);
    });
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (!stopped) {
        const t = now();
        if (slots.length > 0 && t > slotsUntil) giveBack();
        const room = Math.max(0, maxInFlight - running.size);
        const candidate = next(t, room === 0);
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
        if (slots.length === 0) {
          // Time passes while the window answers: look at the queues afresh afterwards.
          const wanted = Math.min(slice, queues.more.length + Math.min(room, queues.reply.length + queues.bulk.length));
          try {
            const granted = await sendWindow.grant(wanted);
            slots = granted.slots;
            // A slice's slots are for now: ones the queues cannot use within a grant's time go back.
            slotsUntil = now() + grantSpanMs;
            if (slots.length === 0) windowWaitUntil = now() + Math.max(1, granted.waitMs);
          } catch {
            if (stopped) return;
            // No check, no sending: a window that went away must not let us send faster than the limit.
            pausedUntil = Math.max(pausedUntil, now() + WINDOW_RETRY_MS);
          }
          continue;
        }
        const [task] = candidate.queue.splice(candidate.index, 1);
        start(task!, slots.shift()!, t);
      }
    } finally {
      pumping = false;
      // Stopped while the window answered: its slots are not going to be used.
      if (stopped) giveBack();
    }
  }

  function pause(ms: number): void {
    pausedUntil = Math.max(pausedUntil, now() + ms);
  }

  function schedule<T>(priority: SendPriority | "more", chatId: string, task: (called?: () => void) => Promise<T>, pauseAfter?: PauseAfter<T>): Promise<T> {
    if (stopped) return Promise.reject(new Error("channel limiter stopped"));
    const inFlight = priority === "more" ? runningMore : running;
    return new Promise<T>((resolve, reject) => {
      queues[priority].push({
        chatId,
        drop: reject,
        run: (called) => {
          const work = task(called).then((result) => {
            // The pause starts before the next task can: this one's slot is still held.
            const waitMs = pauseAfter?.(result);
            if (waitMs !== undefined) pause(waitMs);
            resolve(result);
          }, reject);
          inFlight.add(work);
          void work.finally(() => {
            called();
            inFlight.delete(work);
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
    send: (priority, chatId, call, retryAfter) => sendHonouringRetryAfter({ pause }, () => schedule(priority, chatId, () => call()), retryAfter),
    sendMore: (chatId, call) => schedule("more", chatId, () => call()),
    pause,
    pausedUntil: () => pausedUntil,
    waiting: () => queues.more.length + queues.reply.length + queues.bulk.length,
    async stop() {
      stopped = true;
      const dropped = [...queues.more.splice(0), ...queues.reply.splice(0), ...queues.bulk.splice(0)];
      for (const task of dropped) task.drop(new Error("channel limiter stopped"));
      wakePump();
      // A long 429 pause must not keep the process alive after shutdown.
      waiting?.abort();
      giveBack();
      await Promise.allSettled([...running, ...runningMore]);
      await sendWindow.close?.();
    },
  };
}
