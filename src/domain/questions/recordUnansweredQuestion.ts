import type { Db } from "../../db/client.js";
import { fileInboxQuestion, type FiledQuestion } from "../inbox/fileInboxQuestion.js";
import { cleanTextForStaff } from "../text/cleanTextForStaff.js";

/**
 * Keeps a question the FAQ could not answer twice over: in the FAQ-gap log (UnansweredQuestion,
 * which stats count) and in the staff inbox, where a coordinator can reply to the person. A
 * question the person already asked, still waiting, is kept once.
 */
export async function recordUnansweredQuestion(
  db: Db,
  question: { contactId: string; text: string; language: string; channel: string; at: Date },
): Promise<FiledQuestion> {
  const filed = await fileInboxQuestion(db, question);
  if (filed.status === "repeated") return filed;
  await db.unansweredQuestion.create({
    data: { contactId: question.contactId, text: cleanTextForStaff(question.text), language: question.language, channel: question.channel, createdAt: question.at },
  });
  return filed;
}
