import type { Db } from "../../db/client.js";
import { recordAudit } from "../audit/recordAudit.js";

// A variant is a way of asking, not an essay; longer words would not help the matcher (and an
// index on them would not fit PostgreSQL's limit).
export const maxVariantLength = 300;

export type AddVariantOutcome =
  /** The wording is now a variant of the FAQ the person picked; the running matcher must learn it. */
  | { status: "added"; faqId: string; language: string; text: string }
  /** The FAQ already had this exact wording; the pick is marked done all the same. */
  | { status: "already_variant"; faqId: string }
  | { status: "not_found" }
  /** The person has not picked an FAQ (no pick yet, or "none of these"). */
  | { status: "not_chosen" }
  | { status: "already_reviewed"; current: string }
  /** The FAQ picked is no longer in the content. */
  | { status: "faq_gone"; faqId: string }
  | { status: "too_long"; length: number };

/**
 * Keeps the words of a "Maksud Anda…?" as a variant of the FAQ the person picked: the one action
 * staff take from the inbox (chat command, CLI or dashboard all call this). Stored in FaqVariant,
 * which start-up adds to the content's own variants.
 */
export async function addChoiceAsVariant(db: Db, action: { id: number; by: string; at: Date }): Promise<AddVariantOutcome> {
  const choice = await db.questionChoice.findUnique({ where: { id: action.id } });
  if (!choice) return { status: "not_found" };
  if (choice.status === "offered" || choice.status === "forwarded" || choice.chosen === null) return { status: "not_chosen" };
  if (choice.status !== "chosen") return { status: "already_reviewed", current: choice.status };
  const text = choice.text.trim();
  if (text.length > maxVariantLength) return { status: "too_long", length: text.length };
  const faqId = choice.chosen;
  if ((await db.faqEntry.count({ where: { id: faqId } })) === 0) return { status: "faq_gone", faqId };

  // Claimed first, so two staff adding the same pick at once add it once.
  const claimed = await db.questionChoice.updateMany({ where: { id: choice.id, status: "chosen" }, data: { status: "added", reviewedAt: action.at, reviewedBy: action.by } });
  if (claimed.count === 0) return { status: "already_reviewed", current: "added" };
  const existing = await db.faqVariant.findUnique({ where: { faqId_language_text: { faqId, language: choice.language, text } } });
  if (!existing) await db.faqVariant.create({ data: { faqId, language: choice.language, text, choiceId: choice.id, addedBy: action.by, createdAt: action.at } });
  // Not the words: they are the person's, kept on the choice and the variant.
  await recordAudit(db, { actor: action.by, action: "faq.variant", target: String(choice.id), details: { faq: faqId, language: choice.language }, at: action.at });
  return existing ? { status: "already_variant", faqId } : { status: "added", faqId, language: choice.language, text };
}
