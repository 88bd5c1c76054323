import type { Db } from "../../db/client.js";

export interface AssignedTask {
  id: number;
  title: string;
  deadline: Date;
  status: string;
  maxVolunteers: number | null;
}

export interface FoundAssignment {
  id: string;
  /** offered | accepted | declined | done */
  status: string;
  task: AssignedTask;
}

const taskFields = { id: true, title: true, deadline: true, status: true, maxVolunteers: true } as const;

/** One person's part in one task; undefined when the task does not exist or was never offered to them. */
export async function findTaskAssignment(db: Db, taskId: number, contactId: string): Promise<FoundAssignment | undefined> {
  if (!Number.isSafeInteger(taskId) || taskId < 1) return undefined;
  const row = await db.taskAssignment.findUnique({
    where: { taskId_contactId: { taskId, contactId } },
    select: { id: true, status: true, task: { select: taskFields } },
  });
  return row ?? undefined;
}
