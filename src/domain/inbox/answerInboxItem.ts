import type { Db } from "../../db/client.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { FaqEntryContent } from "../content/contentSchema.js";
import { queueMessage } from "../deliveries/queueMessage.js";
import { saveInboxFaq } from "./saveInboxFaq.js";

export interface InboxAnswer {
  id: number;
  /** The reply as staff wrote it. */
  answer: string;
  /** Contact id of the staff member; recorded, never shown to the person. */
  by: string;
  at: Date;
  /** Also keep it as an FAQ entry (question = the person's text). */
  saveAsFaq: boolean;
  /** The message the person receives, in their language: the campaign team as sender. */
  compose: (language: string) => string;
}

export type InboxAnswerOutcome =
  | { status: "not_found" }
  | { status: "not_open"; current: string; answeredAt: Date | null }
  | { status: "answered"; kind: string; optedOut: boolean; faq?: FaqEntryContent };

/**
 * Records the answer and queues the reply in the outbox, in the caller's transaction: the
 * dispatcher sends it on the person's own app, never once they said STOP. Only an open item can be
 * answered, so two staff replying at once send one reply.
 */
export async function answerInboxItem(db: Db, reply: InboxAnswer): Promise<InboxAnswerOutcome> {
  const item = await db.inboxItem.findUnique({ where: { id: reply.id }, include: { contact: { select: { language: true, optedOut: true } } } });
  if (!item) return { status: "not_found" };
  const claimed = await db.inboxItem.updateMany({
    where: { id: item.id, status: "open" },
    data: { status: "answered", answeredAt: reply.at, answeredBy: reply.by, answer: reply.answer },
  });
  if (claimed.count === 0) {
    const now = await db.inboxItem.findUnique({ where: { id: item.id }, select: { status: true, answeredAt: true } });
    return now ? { status: "not_open", current: now.status, answeredAt: now.answeredAt } : { status: "not_found" };
  }
  await queueMessage(db, { contactId: item.contactId, kind: "inbox_reply", purpose: "reply", text: reply.compose(item.contact.language) }, reply.at);
  const faq = reply.saveAsFaq ? await saveInboxFaq(db, { itemId: item.id, language: item.language, question: item.text, answer: reply.answer }) : undefined;
  await recordAudit(db, {
    actor: reply.by,
    action: "inbox.reply",
    target: String(item.id),
    // Not the texts: they are the person's words and the reply, kept on the item itself.
    details: { kind: item.kind, channel: item.channel, ...(faq ? { faq: faq.id } : {}) },
    at: reply.at,
  });
  return { status: "answered", kind: item.kind, optedOut: item.contact.optedOut, ...(faq ? { faq } : {}) };
}
