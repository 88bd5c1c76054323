import type { ErasedContact } from "../contacts/eraseContact.js";
import type { FaqMatcher } from "./createFaqMatcher.js";

/**
 * After a person's erasure has committed, the running matcher forgets the FAQ entries staff saved
 * from their questions and the wordings kept from their picks, as a restart would: /hapusdata in
 * the chat and an admin's erasure from the dashboard both end here.
 */
export function forgetErasedWords(faq: Pick<FaqMatcher, "remove" | "removeVariant">, erased: ErasedContact): void {
  for (const faqId of erased.faqIds) faq.remove(faqId);
  for (const variant of erased.variants) faq.removeVariant(variant.faqId, variant.language, variant.text);
}
