import type { Database } from "../db/client.js";
import { acquireProcessLease, type LeaseHolder, type ProcessIdentity } from "../domain/processes/acquireProcessLease.js";
import { releaseProcessLease } from "../domain/processes/releaseProcessLease.js";
import { renewProcessLease } from "../domain/processes/renewProcessLease.js";
import type { Logger } from "../logger.js";

export interface LeaseOptions {
  db: Database;
  name: string;
  me: ProcessIdentity;
  logger: Logger;
  /** How long a holder that stops renewing keeps the lease. */
  ttlMs?: number;
  clock?: () => Date;
  /** Whether a process on this host is still running (a crashed holder's lease is taken at once). */
  isAlive?: (pid: number) => boolean;
}

export interface HeldLease {
  release(): Promise<void>;
}

export type HoldOutcome = { status: "held"; lease: HeldLease } | { status: "taken"; by: LeaseHolder };

export const DEFAULT_LEASE_TTL_MS = 30_000;

/**
 * Takes the named lease and keeps renewing it until release(). `onLost` is called if another
 * process ends up with it (we could not renew for longer than the lease, and it took over): the
 * caller must stop the work at once. A lease held by a process on this host that no longer runs
 * is taken over without waiting for it to expire, so a restart after a crash is not refused.
 */
export async function holdProcessLease(opts: LeaseOptions, onLost: (by: string) => void): Promise<HoldOutcome> {
  const { db, name, me, logger } = opts;
  const ttlMs = opts.ttlMs ?? DEFAULT_LEASE_TTL_MS;
  const clock = opts.clock ?? (() => new Date());
  const attempt = await acquireOrTakeOver(opts);
  if (attempt.status === "held") return { status: "taken", by: attempt.by };

  let released = false;
  const timer = setInterval(() => {
    renewProcessLease(db, name, me.holder, clock(), ttlMs).then(
      (ours) => {
        if (ours || released) return;
        released = true;
        clearInterval(timer);
        onLost(name);
      },
      // The database is away: nobody else can take the lease either; renew when it is back.
      (err: unknown) => logger.warn({ err, lease: name }, "could not renew a process lease; retrying"),
    );
  }, ttlMs / 3);
  timer.unref();
  return {
    status: "held",
    lease: {
      async release() {
        if (released) return;
        released = true;
        clearInterval(timer);
        await releaseProcessLease(db, name, me.holder).catch((err: unknown) => logger.warn({ err, lease: name }, "could not release a process lease"));
      },
    },
  };
}

/**
 * One attempt at the lease. A holder on this host that no longer runs (it crashed) loses it at
 * once rather than when it expires.
 */
export async function acquireOrTakeOver(opts: LeaseOptions): ReturnType<typeof acquireProcessLease> {
  const { db, name, me, logger } = opts;
  const ttlMs = opts.ttlMs ?? DEFAULT_LEASE_TTL_MS;
  const clock = opts.clock ?? (() => new Date());
  const isAlive = opts.isAlive ?? processIsRunning;
  const attempt = await acquireProcessLease(db, name, me, clock(), ttlMs);
  if (attempt.status !== "held" || attempt.by.host !== me.host || isAlive(attempt.by.pid)) return attempt;
  logger.info({ lease: name, pid: attempt.by.pid }, "taking over from a process on this host that is no longer running");
  return acquireProcessLease(db, name, me, clock(), ttlMs, attempt.by.holder);
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code !== "ESRCH";
  }
}
