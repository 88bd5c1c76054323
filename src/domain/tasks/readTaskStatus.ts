import type { Db } from "../../db/client.js";

export const taskProgressStates = ["offered", "accepted", "overdue", "declined", "done"] as const;
export type TaskProgressState = (typeof taskProgressStates)[number];

export interface TaskPerson {
  contactId: string;
  /** The name the volunteer gave; staff see names, never phone numbers. */
  name: string | null;
  /** When they reached this state: offered, answered, or reported done. */
  at: Date | null;
  /** When the reminder before the deadline was queued for them (accepted volunteers only). */
  remindedAt: Date | null;
  proofKind: string | null;
  proof: string | null;
}

export interface TaskStatus {
  task: { id: number; title: string; status: string; deadline: Date; maxVolunteers: number | null; operational: boolean; segment: string; closedAt: Date | null };
  /** "accepted" holds who accepted and has time left; after the deadline they are "overdue". */
  states: Record<TaskProgressState, { count: number; people: TaskPerson[] }>;
  /** The offer messages: sent, waiting (queued or being sent), held (quiet hours, election quiet period), skipped, failed. */
  offers: Record<"sent" | "waiting" | "held" | "skipped" | "failed", number>;
}

/** Everything `/task status <id>` shows, counted in the database; at most `names` people listed per state. */
export async function readTaskStatus(db: Db, id: number, now: Date, names = 30): Promise<TaskStatus | undefined> {
  if (!Number.isSafeInteger(id) || id < 1) return undefined;
  const task = await db.task.findUnique({ where: { id }, include: { segment: { select: { name: true } } } });
  if (!task) return undefined;
  const overdue = task.deadline.getTime() <= now.getTime();
  const counts = await db.taskAssignment.groupBy({ by: ["status"], where: { taskId: id }, _count: { _all: true } });
  const countOf = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0;
  const people = async (status: string): Promise<TaskPerson[]> => {
    const rows = await db.taskAssignment.findMany({
      where: { taskId: id, status },
      orderBy: status === "done" ? [{ doneAt: "asc" }, { id: "asc" }] : status === "offered" ? [{ offeredAt: "asc" }, { id: "asc" }] : [{ respondedAt: "asc" }, { id: "asc" }],
      take: names,
      select: { contactId: true, offeredAt: true, respondedAt: true, doneAt: true, remindedAt: true, proofKind: true, proof: true, contact: { select: { name: true } } },
    });
    return rows.map((row) => ({
      contactId: row.contactId,
      name: row.contact.name,
      at: status === "done" ? row.doneAt : status === "offered" ? row.offeredAt : row.respondedAt,
      remindedAt: row.remindedAt,
      proofKind: row.proofKind,
      proof: row.proof,
    }));
  };
  const accepted = { count: countOf("accepted"), people: await people("accepted") };
  const none = { count: 0, people: [] };
  const states: TaskStatus["states"] = {
    offered: { count: countOf("offered"), people: await people("offered") },
    accepted: overdue ? none : accepted,
    overdue: overdue ? accepted : none,
    declined: { count: countOf("declined"), people: await people("declined") },
    done: { count: countOf("done"), people: await people("done") },
  };
  const offers: TaskStatus["offers"] = { sent: 0, waiting: 0, held: 0, skipped: 0, failed: 0 };
  const deliveries = await db.delivery.groupBy({ by: ["status", "reason"], where: { taskId: id, kind: "task_offer" }, _count: { _all: true } });
  for (const row of deliveries) {
    const n = row._count._all;
    if (row.status === "sent") offers.sent += n;
    else if (row.status === "skipped") offers.skipped += n;
    else if (row.status === "failed" || row.status === "uncertain") offers.failed += n;
    else if (row.status === "queued" && (row.reason === "quiet_hours" || row.reason === "blackout")) offers.held += n;
    else offers.waiting += n;
  }
  return {
    task: {
      id: task.id,
      title: task.title,
      status: task.status,
      deadline: task.deadline,
      maxVolunteers: task.maxVolunteers,
      operational: task.operational,
      segment: task.segment.name,
      closedAt: task.closedAt,
    },
    states,
    offers,
  };
}
