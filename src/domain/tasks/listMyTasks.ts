import type { Db } from "../../db/client.js";

export interface MyTask {
  id: number;
  title: string;
  instructions: string;
  link: string | null;
  deadline: Date;
  /** The task's own state: open | closed. */
  taskStatus: string;
  /** The volunteer's part: offered | accepted | declined | done. */
  status: string;
  doneAt: Date | null;
}

/**
 * A volunteer's tasks for `/tugas`: current ones (open, deadline ahead or accepted and not yet
 * reported) and the latest past ones (done, declined, closed, or missed).
 */
export async function listMyTasks(db: Db, contactId: string, now: Date, limit = { current: 10, past: 5 }): Promise<{ current: MyTask[]; past: MyTask[] }> {
  const rows = await db.taskAssignment.findMany({
    where: { contactId },
    orderBy: [{ task: { deadline: "asc" } }, { taskId: "asc" }],
    select: {
      status: true,
      doneAt: true,
      task: { select: { id: true, title: true, instructions: true, link: true, deadline: true, status: true } },
    },
  });
  const tasks = rows.map(({ task, status, doneAt }) => ({ ...task, taskStatus: task.status, status, doneAt }));
  const isCurrent = (t: MyTask) =>
    t.taskStatus === "open" && (t.status === "accepted" || (t.status === "offered" && t.deadline.getTime() > now.getTime()));
  return {
    current: tasks.filter(isCurrent).slice(0, limit.current),
    past: tasks
      .filter((t) => !isCurrent(t))
      .sort((a, b) => b.deadline.getTime() - a.deadline.getTime())
      .slice(0, limit.past),
  };
}
