import { Prisma, type Db } from "../../db/client.js";
import { languageCaseSql } from "./languageCaseSql.js";
import type { TaskVoice, TaskToRender } from "./renderTaskMessage.js";
import { renderTaskMessages } from "./renderTaskMessages.js";

export interface TaskToOffer extends TaskToRender {
  id: number;
  imageUrl?: string | null;
}

/**
 * One TaskAssignment ("offered") and one queued task_offer Delivery per volunteer matching `where`
 * (a condition over "Contact" c), each in one INSERT ... SELECT: a segment of a hundred thousand
 * volunteers never passes through JavaScript. Ids are derived, so the SQL is the same on SQLite
 * and PostgreSQL and a second run adds nothing. Run it in the transaction that creates the task.
 * Returns how many volunteers were offered the task.
 */
export async function materializeTaskOffers(db: Db, task: TaskToOffer, where: Prisma.Sql, voice: TaskVoice, now: Date): Promise<number> {
  const offered = await db.$executeRaw`
    INSERT INTO "TaskAssignment" ("id", "taskId", "contactId", "status", "offeredAt")
    SELECT ${`a_${task.id}_`} || c."id", ${task.id}, c."id", 'offered', ${now}
    FROM "Contact" c
    WHERE ${where}
    ON CONFLICT DO NOTHING`;
  const { texts, choices } = renderTaskMessages("task_offer", task, voice);
  const defaultLanguage = voice.translator.defaultLanguage;
  await db.$executeRaw`
    INSERT INTO "Delivery" ("id", "kind", "taskId", "contactId", "text", "choices", "imageUrl", "purpose", "status", "attempts", "notBefore", "createdAt", "updatedAt")
    SELECT ${`o_${task.id}_`} || c."id", 'task_offer', ${task.id}, c."id", ${languageCaseSql(texts, defaultLanguage)}, ${languageCaseSql(choices, defaultLanguage)},
      ${task.imageUrl ?? null}, 'volunteer_tasks', 'queued', 0, ${now}, ${now}, ${now}
    FROM "TaskAssignment" a JOIN "Contact" c ON c."id" = a."contactId"
    WHERE a."taskId" = ${task.id} AND a."status" = 'offered'
    ON CONFLICT DO NOTHING`;
  return offered;
}
