import type { Db } from "../../db/client.js";
import { fileInboxQuestion } from "../inbox/fileInboxQuestion.js";

/**
 * Keeps a question the FAQ could not answer twice over: in the FAQ-gap log (UnansweredQuestion,
 * which stats count) and in the staff inbox, where a coordinator can reply to the person.
 */
export async function recordUnansweredQuestion(
  db: Db,
  question: { contactId: string; text: string; language: string; channel: string; at: Date },
): Promise<string> {
  const row = await db.unansweredQuestion.create({
    data: { contactId: question.contactId, text: question.text, language: question.language, channel: question.channel, createdAt: question.at },
    select: { id: true },
  });
  await fileInboxQuestion(db, question);
  return row.id;
}
