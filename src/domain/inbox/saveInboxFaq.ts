import type { Db } from "../../db/client.js";
import type { FaqEntryContent } from "../content/contentSchema.js";
import { inboxFaqId } from "./inboxFaqId.js";

/**
 * Keeps a staff reply as an FAQ entry: the person's question, the team's answer, in the item's
 * language. Returns it in the shape the FAQ matcher indexes.
 */
export async function saveInboxFaq(db: Db, faq: { itemId: number; language: string; question: string; answer: string }): Promise<FaqEntryContent> {
  const id = inboxFaqId(faq.itemId);
  const row = { question: faq.question, variants: "[]", answer: faq.answer };
  await db.faqEntry.upsert({ where: { id_language: { id, language: faq.language } }, create: { id, language: faq.language, ...row }, update: row });
  return { id, question: { [faq.language]: faq.question }, variants: {}, answer: { [faq.language]: faq.answer } };
}
