import { setTimeout as delay } from "node:timers/promises";

/** Spaces out the messages the bot starts itself (broadcasts, task reminders); replies never wait in it. */
export interface InitiatedPacer {
  /** Runs the task once its turn comes; tasks run one at a time, in the order they were handed in. */
  run<T>(task: () => Promise<T>): Promise<T>;
}

export interface InitiatedPacerOptions {
  /** Least time between two starts. */
  minIntervalMs: number;
  /** A random 0..jitterMs is added to each gap, so the sends do not tick like a machine. */
  jitterMs: number;
  /** Most starts in any rolling hour. */
  maxPerHour: number;
  /** A number in [0, 1); injectable for tests. */
  random?: () => number;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * A single queue with a minimum, jittered gap between starts and a rolling hourly cap.
 * It is hand-rolled rather than bottleneck: bottleneck's reservoir refills on a fixed schedule,
 * which allows up to twice the cap in an hour that straddles a refill.
 */
export function createInitiatedPacer(opts: InitiatedPacerOptions): InitiatedPacer {
  if (!(opts.minIntervalMs >= 0) || !(opts.jitterMs >= 0)) throw new Error("pacer intervals must be zero or more milliseconds");
  if (!Number.isInteger(opts.maxPerHour) || opts.maxPerHour < 1) throw new Error("pacer maxPerHour must be a whole number of at least 1");
  const random = opts.random ?? Math.random;
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => delay(ms));
  // Start times within the last hour, oldest first.
  const starts: number[] = [];
  let tail: Promise<unknown> = Promise.resolve();

  async function waitForTurn(): Promise<void> {
    const gap = opts.minIntervalMs + Math.round(random() * opts.jitterMs);
    const current = now();
    while (starts.length > 0 && starts[0]! <= current - HOUR_MS) starts.shift();
    const last = starts.at(-1);
    let earliest = last === undefined ? current : last + gap;
    // The cap-th most recent start must have left the hour before another may begin.
    if (starts.length >= opts.maxPerHour) earliest = Math.max(earliest, starts[starts.length - opts.maxPerHour]! + HOUR_MS);
    if (earliest > current) await sleep(earliest - current);
    starts.push(Math.max(now(), earliest));
    if (starts.length > opts.maxPerHour) starts.shift();
  }

  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const result = tail.then(async () => {
        await waitForTurn();
        return task();
      });
      // A failed task does not block the ones after it.
      tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
  };
}
