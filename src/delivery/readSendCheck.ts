import type { Database } from "../db/client.js";
import { readDatabaseBoolean } from "../db/readDatabaseBoolean.js";
import type { SourceState } from "./sourceOfDelivery.js";

/** The parts of a delivery's situation that can change while it waits in the rate limiter. */
export interface SendCheck {
  status: string;
  claimedBy: string | null;
  /** Of what the row belongs to: the broadcast, the task; undefined when that is gone. */
  source: SourceState;
  contactExists: boolean;
  optedOut: boolean;
  updatesConsent: boolean | null;
  tasksConsent: boolean | null;
  /** Of the identity it is about to go to. */
  unreachableAt: Date | null;
}

/** Re-reads, in one query, what may have changed since the row was claimed: STOP, pause, cancel, a block. */
export async function readSendCheck(db: Database, id: string, target: { channel: string; externalId: string }): Promise<SendCheck | undefined> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT d."status", d."claimedBy", b."status" AS "broadcastStatus", b."operational" AS "broadcastOperational",
      t."status" AS "taskStatus", t."operational" AS "taskOperational", c."id" AS "contactId", c."optedOut", c."updatesConsent",
      (SELECT r."granted" FROM "ConsentRecord" r WHERE r."contactId" = d."contactId" AND r."purpose" = 'volunteer_tasks'
        ORDER BY r."recordedAt" DESC, r."id" DESC LIMIT 1) AS "tasksConsent",
      i."unreachableAt"
    FROM "Delivery" d
    LEFT JOIN "Broadcast" b ON b."id" = d."broadcastId"
    LEFT JOIN "Task" t ON t."id" = d."taskId"
    LEFT JOIN "Contact" c ON c."id" = d."contactId"
    LEFT JOIN "ChannelIdentity" i ON i."channel" = ${target.channel} AND i."externalId" = ${target.externalId}
    WHERE d."id" = ${id}`;
  const row = rows[0];
  if (!row) return undefined;
  return {
    status: String(row.status),
    claimedBy: row.claimedBy === null ? null : String(row.claimedBy),
    source: {
      ...(row.broadcastStatus == null ? {} : { broadcast: { status: String(row.broadcastStatus), operational: readDatabaseBoolean(row.broadcastOperational) === true } }),
      ...(row.taskStatus == null ? {} : { task: { status: String(row.taskStatus), operational: readDatabaseBoolean(row.taskOperational) === true } }),
    },
    contactExists: row.contactId !== null,
    optedOut: readDatabaseBoolean(row.optedOut) === true,
    updatesConsent: readDatabaseBoolean(row.updatesConsent),
    tasksConsent: readDatabaseBoolean(row.tasksConsent),
    unreachableAt: row.unreachableAt === null || row.unreachableAt === undefined ? null : new Date(row.unreachableAt as string | Date),
  };
}
