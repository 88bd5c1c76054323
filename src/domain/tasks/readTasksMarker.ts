import type { Db } from "../../db/client.js";

/**
 * A short reading that changes whenever a task is created or closed, or a volunteer is offered
 * one, answers, reports done or is reminded, or an offer or reminder of it is sent, held or given
 * up (the dispatcher may run in another process): what the dashboard's task pages follow live.
 * Reads the Task rows only: each writer counts up Task.revision (bumpSourceRevisions).
 */
export async function readTasksMarker(db: Db): Promise<string> {
  const tasks = await db.task.aggregate({ _max: { id: true }, _count: { closedAt: true }, _sum: { revision: true } });
  return [tasks._max.id ?? 0, tasks._count.closedAt, tasks._sum.revision ?? 0].join(".");
}
