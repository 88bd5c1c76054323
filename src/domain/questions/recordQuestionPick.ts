import type { Db } from "../../db/client.js";

/** What a person can pick from a "Maksud Anda…?": one of the FAQs offered, or none of them. */
export type QuestionPick = { faqId: string } | { team: true };

/**
 * Records what the person picked. Only once, and only their own offer: a second tap on an old
 * button changes nothing. "None of these" marks it forwarded (the question goes to the inbox).
 */
export async function recordQuestionPick(
  db: Db,
  pick: { id: number; contactId: string; pick: QuestionPick; at: Date },
): Promise<{ status: "recorded"; text: string; language: string } | { status: "not_found" }> {
  const chosen = "faqId" in pick.pick ? pick.pick.faqId : "team";
  const changed = await db.questionChoice.updateMany({
    where: { id: pick.id, contactId: pick.contactId, status: "offered" },
    data: { chosen, chosenAt: pick.at, status: "faqId" in pick.pick ? "chosen" : "forwarded" },
  });
  if (changed.count !== 1) return { status: "not_found" };
  const row = await db.questionChoice.findUniqueOrThrow({ where: { id: pick.id }, select: { text: true, language: true } });
  return { status: "recorded", ...row };
}
