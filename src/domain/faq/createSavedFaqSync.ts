import type { Db } from "../../db/client.js";
import type { FaqMatcher } from "./createFaqMatcher.js";
import { readSavedFaqMarker, readSavedFaqs, type SavedFaqs } from "./readSavedFaqs.js";

export interface SavedFaqSync {
  /** Reads the marker; when it changed, reads what staff saved and brings the matcher up to date. True when it changed. */
  check(): Promise<boolean>;
}

/**
 * Keeps a running matcher in step with what staff taught the bot in any process: an answer saved
 * as an FAQ from the chat or the dashboard, served by another process on the same database, is
 * learned without a restart. Only what changed is added or dropped. `baseline` is what the
 * matcher was built with (readSavedFaqs); `contentIds` the entries the content files own, which a
 * saved entry with the same id gives way to (as in createCampaignFaqMatcher).
 */
export function createSavedFaqSync(db: Db, faq: Pick<FaqMatcher, "add" | "remove" | "addVariant" | "removeVariant">, baseline: SavedFaqs, contentIds: ReadonlySet<string>): SavedFaqSync {
  let known = baseline;
  return {
    async check() {
      if ((await readSavedFaqMarker(db)) === known.marker) return false;
      const next = await readSavedFaqs(db);
      const before = new Map(known.entries.map((entry) => [entry.id, JSON.stringify(entry)]));
      const after = new Set(next.entries.map((entry) => entry.id));
      const readded = new Set<string>();
      for (const entry of next.entries) {
        if (contentIds.has(entry.id) || before.get(entry.id) === JSON.stringify(entry)) continue;
        faq.add(entry);
        readded.add(entry.id);
      }
      for (const id of before.keys()) if (!after.has(id) && !contentIds.has(id)) faq.remove(id);
      const key = (v: { faqId: string; language: string; text: string }) => JSON.stringify([v.faqId, v.language, v.text]);
      const oldVariants = new Set(known.variants.map(key));
      const newVariants = new Set(next.variants.map(key));
      // An entry added again starts without the variants kept for it: they are added back.
      for (const variant of next.variants) if (readded.has(variant.faqId) || !oldVariants.has(key(variant))) faq.addVariant(variant.faqId, variant.language, variant.text);
      for (const variant of known.variants) if (!newVariants.has(key(variant))) faq.removeVariant(variant.faqId, variant.language, variant.text);
      known = next;
      return true;
    },
  };
}
