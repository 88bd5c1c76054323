import type { Db } from "../../db/client.js";

// Enough for anyone with real questions; one person's flood of them cannot fill the team's inbox.
export const maxOpenQuestionsPerPerson = 5;

/**
 * Puts a question the FAQ could not answer in the staff inbox. Returns its id, or undefined when
 * the person already has the maximum open (the question is still in the FAQ-gap log).
 */
export async function fileInboxQuestion(
  db: Db,
  question: { contactId: string; text: string; language: string; channel: string; at: Date },
): Promise<number | undefined> {
  const open = await db.inboxItem.count({ where: { contactId: question.contactId, kind: "question", status: "open" } });
  if (open >= maxOpenQuestionsPerPerson) return undefined;
  const row = await db.inboxItem.create({
    data: { contactId: question.contactId, kind: "question", text: question.text, language: question.language, channel: question.channel, createdAt: question.at },
    select: { id: true },
  });
  return row.id;
}
