import type { Db } from "../../db/client.js";

/**
 * A short reading that changes whenever a task is created or closed, or a volunteer is offered
 * one, answers, reports done or is reminded, or an offer or reminder of an open task is sent,
 * held or given up (the dispatcher may run in another process): what the dashboard's task pages
 * follow live. The messages are counted for open tasks only, along the (taskId, ...) index.
 */
export async function readTasksMarker(db: Db): Promise<string> {
  const tasks = await db.task.aggregate({ _max: { id: true, closedAt: true }, _count: { closedAt: true } });
  const parts = await db.taskAssignment.aggregate({ _count: { _all: true, respondedAt: true, doneAt: true, remindedAt: true }, _max: { respondedAt: true, doneAt: true, remindedAt: true } });
  const [messages] = await db.$queryRaw<{ unsettled: number | bigint | null; held: number | bigint | null }[]>`
    SELECT COUNT(*) AS "unsettled", SUM(CASE WHEN d."status" = 'queued' AND d."reason" IS NOT NULL THEN 1 ELSE 0 END) AS "held"
    FROM "Task" t JOIN "Delivery" d ON d."taskId" = t."id"
    WHERE t."status" = 'open' AND d."status" IN ('queued', 'claimed', 'sending')`;
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
    Number(messages?.unsettled ?? 0),
    Number(messages?.held ?? 0),
  ].join(".");
}
