import type { Database } from "../../db/client.js";
import { bumpSourceRevisions } from "../deliveries/bumpSourceRevisions.js";
import { languageCaseSql } from "./languageCaseSql.js";
import type { TaskVoice } from "./renderTaskMessage.js";
import { renderTaskMessages } from "./renderTaskMessages.js";

/**
 * The reminder sweep, run every minute or so beside the dispatcher: for each open task whose
 * deadline is less than `beforeMs` away, one queued task_reminder per volunteer who accepted and
 * has not reported done. Unique per (task, person, kind) and marked with remindedAt, so it goes
 * once however often the sweep runs or however many bots share the database. Someone who accepted
 * inside that last stretch has just read the deadline and gets none. Returns how many were queued.
 */
export async function queueTaskReminders(db: Database, now: Date, beforeMs: number, voice: TaskVoice): Promise<number> {
  const tasks = await db.task.findMany({
    where: { status: "open", deadline: { gt: now, lte: new Date(now.getTime() + beforeMs) } },
    select: { id: true, title: true, instructions: true, link: true, deadline: true },
  });
  let queued = 0;
  for (const task of tasks) {
    const windowStart = new Date(task.deadline.getTime() - beforeMs);
    const { texts, choices } = renderTaskMessages("task_reminder", task, voice);
    const defaultLanguage = voice.translator.defaultLanguage;
    // The reminder and its remindedAt are written together: a crash in between leaves neither.
    queued += await db.$transaction(async (tx) => {
      const added = await tx.$executeRaw`
        INSERT INTO "Delivery" ("id", "kind", "taskId", "contactId", "text", "choices", "purpose", "status", "attempts", "notBefore", "createdAt", "updatedAt")
        SELECT ${`r_${task.id}_`} || c."id", 'task_reminder', ${task.id}, c."id", ${languageCaseSql(texts, defaultLanguage)}, ${languageCaseSql(choices, defaultLanguage)},
          'volunteer_tasks', 'queued', 0, ${now}, ${now}, ${now}
        FROM "TaskAssignment" a JOIN "Contact" c ON c."id" = a."contactId"
        WHERE a."taskId" = ${task.id} AND a."status" = 'accepted' AND a."remindedAt" IS NULL AND a."respondedAt" < ${windowStart}
        ON CONFLICT DO NOTHING`;
      await tx.taskAssignment.updateMany({
        where: { taskId: task.id, status: "accepted", remindedAt: null, respondedAt: { lt: windowStart } },
        data: { remindedAt: now },
      });
      await bumpSourceRevisions(tx, { taskIds: [task.id] });
      return added;
    });
  }
  return queued;
}
