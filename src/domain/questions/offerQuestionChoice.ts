import type { Db } from "../../db/client.js";

/**
 * Records a "Maksud Anda…?": the person's words and the FAQs offered, best first. Returns its
 * id, which the conversation keeps so the pick can be recorded against it.
 */
export async function offerQuestionChoice(
  db: Db,
  offer: { contactId: string; text: string; language: string; channel: string; options: string[]; at: Date },
): Promise<number> {
  const row = await db.questionChoice.create({
    data: {
      contactId: offer.contactId,
      text: offer.text,
      language: offer.language,
      channel: offer.channel,
      options: JSON.stringify(offer.options),
      createdAt: offer.at,
    },
    select: { id: true },
  });
  return row.id;
}
