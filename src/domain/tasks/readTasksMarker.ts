import type { Db } from "../../db/client.js";

/**
 * A short reading that changes whenever a task is created or closed, or a volunteer is offered
 * one, answers, reports done or is reminded: what the dashboard's task pages follow live.
 */
export async function readTasksMarker(db: Db): Promise<string> {
  const tasks = await db.task.aggregate({ _max: { id: true, closedAt: true }, _count: { closedAt: true } });
  const parts = await db.taskAssignment.aggregate({ _count: { _all: true, respondedAt: true, doneAt: true, remindedAt: true }, _max: { respondedAt: true, doneAt: true, remindedAt: true } });
  const time = (date: Date | null | undefined) => date?.getTime() ?? 0;
  return [
    tasks._max.id ?? 0,
    tasks._count.closedAt,
    time(tasks._max.closedAt),
    parts._count._all,
    parts._count.respondedAt,
    parts._count.doneAt,
    parts._count.remindedAt,
    time(parts._max.respondedAt),
    time(parts._max.doneAt),
    time(parts._max.remindedAt),
  ].join(".");
}
