import type { Db } from "../../db/client.js";

export async function recordUnansweredQuestion(
  db: Db,
  question: { contactId: string; text: string; language: string; channel: string; at: Date },
): Promise<string> {
  const row = await db.unansweredQuestion.create({
    data: { contactId: question.contactId, text: question.text, language: question.language, channel: question.channel, createdAt: question.at },
    select: { id: true },
  });
  return row.id;
}
