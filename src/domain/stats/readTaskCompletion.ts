import { Prisma, type Db } from "../../db/client.js";
import { assignmentStates, type AssignmentCounts, type AssignmentState, type TaskCompletion } from "./types.js";

/**
 * Task assignments by state, over all tasks and for the latest `recent` tasks. "Overdue" is
 * decided in the SQL (accepted, deadline passed, not done); the CASE sits in a subquery so that
 * PostgreSQL groups by its alias rather than by an expression holding a bound parameter.
 */
export async function readTaskCompletion(db: Db, options: { now: Date; recent?: number }): Promise<TaskCompletion> {
  const tasks = await db.task.count();
  const openTasks = await db.task.count({ where: { status: "open" } });
  const latest = await db.task.findMany({ orderBy: { id: "desc" }, take: options.recent ?? 8, select: { id: true, title: true, deadline: true, status: true } });
  const state = Prisma.sql`CASE WHEN a."status" = 'accepted' AND t."deadline" < ${options.now} THEN 'overdue' ELSE a."status" END`;

  const totalRows = await db.$queryRaw<{ state: string; n: bigint | number }[]>(Prisma.sql`
    SELECT s."state", COUNT(*) AS "n"
    FROM (SELECT ${state} AS "state" FROM "TaskAssignment" a JOIN "Task" t ON t."id" = a."taskId") s
    GROUP BY s."state"`);
  const totals = emptyCounts();
  for (const row of totalRows) add(totals, row.state, Number(row.n));

  const recent = latest.map((task) => ({ ...task, counts: emptyCounts() }));
  if (latest.length > 0) {
    const rows = await db.$queryRaw<{ taskId: number | bigint; state: string; n: bigint | number }[]>(Prisma.sql`
      SELECT s."taskId", s."state", COUNT(*) AS "n"
      FROM (SELECT a."taskId", ${state} AS "state" FROM "TaskAssignment" a JOIN "Task" t ON t."id" = a."taskId"
            WHERE a."taskId" IN (${Prisma.join(latest.map((task) => task.id))})) s
      GROUP BY s."taskId", s."state"`);
    for (const row of rows) {
      const task = recent.find((candidate) => candidate.id === Number(row.taskId));
      if (task) add(task.counts, row.state, Number(row.n));
    }
  }
  return { tasks, openTasks, totals, recent };
}

function emptyCounts(): AssignmentCounts {
  return { done: 0, accepted: 0, overdue: 0, offered: 0, declined: 0 };
}

function add(counts: AssignmentCounts, state: string, n: number): void {
  // A state this code does not know (a later version's) is left out rather than guessed.
  if ((assignmentStates as readonly string[]).includes(state)) counts[state as AssignmentState] += n;
}
