import type { Database } from "../../db/client.js";

/** Who a process is, as other processes see it when it holds a lease. */
export interface ProcessIdentity {
  /** Unique per process run. */
  holder: string;
  host: string;
  pid: number;
  role: string;
}

export interface LeaseHolder {
  holder: string;
  host: string;
  pid: number;
  role: string;
  acquiredAt: Date;
  leaseUntil: Date;
}

export type LeaseAttempt = { status: "acquired" } | { status: "held"; by: LeaseHolder };

/**
 * Takes the named lease when it is free, expired, already ours, or (`takeOverFrom`) held by the
 * given holder, whom the caller knows to be dead. One statement, so two processes starting
 * together cannot both win, on SQLite or PostgreSQL.
 */
export async function acquireProcessLease(
  db: Database,
  name: string,
  me: ProcessIdentity,
  now: Date,
  ttlMs: number,
  takeOverFrom?: string,
): Promise<LeaseAttempt> {
  const leaseUntil = new Date(now.getTime() + ttlMs);
  const taken = await db.$executeRaw`
    INSERT INTO "ProcessLease" ("name", "holder", "host", "pid", "role", "acquiredAt", "leaseUntil")
    VALUES (${name}, ${me.holder}, ${me.host}, ${me.pid}, ${me.role}, ${now}, ${leaseUntil})
    ON CONFLICT ("name") DO UPDATE SET
      "holder" = excluded."holder", "host" = excluded."host", "pid" = excluded."pid", "role" = excluded."role",
      "acquiredAt" = excluded."acquiredAt", "leaseUntil" = excluded."leaseUntil"
    WHERE "ProcessLease"."leaseUntil" < ${now} OR "ProcessLease"."holder" = ${me.holder} OR "ProcessLease"."holder" = ${takeOverFrom ?? me.holder}`;
  if (taken === 1) return { status: "acquired" };
  const row = await db.processLease.findUnique({ where: { name } });
  // Released between our statement and this read: free now, so try once more.
  if (!row) return acquireProcessLease(db, name, me, now, ttlMs);
  return { status: "held", by: { holder: row.holder, host: row.host, pid: row.pid, role: row.role, acquiredAt: row.acquiredAt, leaseUntil: row.leaseUntil } };
}
