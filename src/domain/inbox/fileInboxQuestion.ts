import type { Db } from "../../db/client.js";
import { cleanTextForStaff } from "../text/cleanTextForStaff.js";
import { simplify } from "../text/simplify.js";

// Enough for anyone with real questions; one person's flood of them cannot fill the team's inbox.
export const maxOpenQuestionsPerPerson = 5;

export type FiledQuestion =
  | { status: "filed"; id: number }
  /** The person asked this already and it still waits: kept once. */
  | { status: "repeated"; id: number }
  /** The person has the maximum open; nothing was filed. */
  | { status: "full" };

/**
 * Puts a question the FAQ could not answer in the staff inbox, where a coordinator can reply and
 * /stats counts the open ones as the FAQ's gaps (one row, no separate log), in the form staff may see
 * (cleanTextForStaff). The same words from the same person while the first is open ("Kapan
 * debat?" and "kapan debat??") are one question.
 */
export async function fileInboxQuestion(db: Db, question: { contactId: string; text: string; language: string; channel: string; at: Date }): Promise<FiledQuestion> {
  const text = cleanTextForStaff(question.text);
  const open = await db.inboxItem.findMany({ where: { contactId: question.contactId, kind: "question", status: "open" }, select: { id: true, text: true }, orderBy: { id: "asc" } });
  const same = open.find((item) => simplify(item.text) === simplify(text));
  if (same) return { status: "repeated", id: same.id };
  if (open.length >= maxOpenQuestionsPerPerson) return { status: "full" };
  const row = await db.inboxItem.create({
    data: { contactId: question.contactId, kind: "question", text, language: question.language, channel: question.channel, createdAt: question.at },
    select: { id: true },
  });
  return { status: "filed", id: row.id };
}
