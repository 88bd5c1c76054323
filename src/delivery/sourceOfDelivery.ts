import type { DeliverySource } from "./decideDelivery.js";

/** The row's own fields that say what it belongs to. */
export interface SourceFields {
  kind: string;
  broadcastId: string | null;
  taskId: number | null;
  purpose: string | null;
}

/** The current state of what the row belongs to; undefined: it is gone (deleted broadcast or task). */
export interface SourceState {
  broadcast?: { status: string; operational: boolean };
  task?: { status: string; operational: boolean };
}

/**
 * Broadcasts rest on "updates" (or "volunteer_tasks" when operational); task offers and reminders
 * on "volunteer_tasks"; a staff reply to someone's question only on their not having said STOP,
 * and it is not bulk: no quiet hours, no election quiet period.
 */
export function sourceOfDelivery(row: SourceFields, state: SourceState): DeliverySource | undefined {
  if (row.broadcastId !== null) {
    const { broadcast } = state;
    if (!broadcast) return undefined;
    return { status: broadcast.status, consent: broadcast.operational ? "volunteer_tasks" : "updates", blackoutExempt: broadcast.operational, quietHours: true };
  }
  if (row.taskId !== null) {
    const { task } = state;
    if (!task) return undefined;
    return { status: task.status === "open" ? "sending" : "closed", consent: "volunteer_tasks", blackoutExempt: task.operational, quietHours: true };
  }
  const consent = row.purpose === "updates" || row.purpose === "volunteer_tasks" ? row.purpose : "reply";
  return consent === "reply"
    ? { status: "sending", consent, blackoutExempt: true, quietHours: false }
    : // Not tied to an operational task: no exemption from the election quiet period.
      { status: "sending", consent, blackoutExempt: false, quietHours: true };
}
