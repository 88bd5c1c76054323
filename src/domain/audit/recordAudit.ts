import type { Db } from "../../db/client.js";

/** Who did it: a staff member's contact id, "cli" for the command line, "config" for start-up settings. */
export type AuditActor = string;

export interface AuditEvent {
  actor: AuditActor;
  /** "denied", "role.grant", "segment.create", "broadcast.send", ... */
  action: string;
  target?: string;
  details?: Record<string, unknown>;
  at: Date;
}

/** Appends one line to the audit log; written in the same transaction as the action it records. */
export async function recordAudit(db: Db, event: AuditEvent): Promise<void> {
  await db.auditEntry.create({
    data: {
      actor: event.actor,
      action: event.action,
      target: event.target ?? null,
      details: event.details ? JSON.stringify(event.details) : null,
      at: event.at,
    },
  });
}
