import { releaseProcessLease } from "../domain/processes/releaseProcessLease.js";
import { renewProcessLease } from "../domain/processes/renewProcessLease.js";
import { acquireOrTakeOver, DEFAULT_LEASE_TTL_MS, type LeaseOptions } from "./holdProcessLease.js";

export interface LeasedWork {
  start(): void;
  stop(): Promise<void>;
}

/**
 * Background work that one process of the deployment should do (editing broadcast progress for
 * staff, queueing task reminders): every process that could do it stands by, and whichever holds
 * the lease does it. If the holder dies, another takes over once the lease runs out (at once
 * when it ran on the same host, as after a restart).
 */
export function runWhileLeaseHeld(opts: LeaseOptions, work: LeasedWork): { stop(): Promise<void> } {
  const { db, name, me, logger } = opts;
  const ttlMs = opts.ttlMs ?? DEFAULT_LEASE_TTL_MS;
  const clock = opts.clock ?? (() => new Date());
  let holding = false;
  let stopped = false;
  let tick: Promise<void> = Promise.resolve();

  const check = async () => {
    if (stopped) return;
    try {
      if (holding) {
        if (await renewProcessLease(db, name, me.holder, clock(), ttlMs)) return;
        holding = false;
        logger.info({ lease: name }, "another process took over this work");
        await work.stop();
        return;
      }
      const attempt = await acquireOrTakeOver(opts);
      if (attempt.status === "acquired" && !stopped) {
        holding = true;
        logger.info({ lease: name }, "this process does this work now");
        work.start();
      }
    } catch (err) {
      logger.warn({ err, lease: name }, "could not check a process lease; retrying");
    }
  };
  const timer = setInterval(() => {
    tick = tick.then(check);
  }, ttlMs / 3);
  timer.unref();
  tick = check();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await tick;
      if (!holding) return;
      holding = false;
      await work.stop();
      await releaseProcessLease(db, name, me.holder).catch((err: unknown) => logger.warn({ err, lease: name }, "could not release a process lease"));
    },
  };
}
