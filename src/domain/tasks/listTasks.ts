import type { Db } from "../../db/client.js";

export interface TaskSummary {
  id: number;
  title: string;
  status: string;
  deadline: Date;
  maxVolunteers: number | null;
  /** Assignments by status: offered, accepted, declined, done. */
  counts: Record<string, number>;
}

/** Open tasks first, then the most recently created; for `/task list`. */
export async function listTasks(db: Db, limit = 20): Promise<TaskSummary[]> {
  // "open" sorts after "closed": descending puts open tasks first.
  const tasks = await db.task.findMany({
    orderBy: [{ status: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, title: true, status: true, deadline: true, maxVolunteers: true },
  });
  if (tasks.length === 0) return [];
  const counts = await db.taskAssignment.groupBy({ by: ["taskId", "status"], where: { taskId: { in: tasks.map((t) => t.id) } }, _count: { _all: true } });
  return tasks.map((task) => ({
    ...task,
    counts: Object.fromEntries(counts.filter((c) => c.taskId === task.id).map((c) => [c.status, c._count._all])),
  }));
}
