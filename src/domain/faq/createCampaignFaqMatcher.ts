import type { CampaignContent, FaqEntryContent } from "../content/contentSchema.js";
import { pageBodies } from "../content/listCampaignPages.js";
import { createFaqMatcher, type FaqMatcher } from "./createFaqMatcher.js";

/**
 * The matcher of a campaign: its FAQ (with the pages entries answer by), its lexicon, and the
 * entries and variants staff added while running (kept in the database). One recipe for the
 * bot, the tests and the benchmarks.
 */
export function createCampaignFaqMatcher(
  content: CampaignContent,
  saved: { entries?: FaqEntryContent[]; variants?: Array<{ faqId: string; language: string; text: string }> } = {},
): FaqMatcher {
  const ownIds = new Set(content.faq.map((entry) => entry.id));
  // The content files own their ids; an entry saved from the inbox with one of them gives way.
  const entries = [...content.faq, ...(saved.entries ?? []).filter((entry) => !ownIds.has(entry.id))].map((entry) => ({ ...entry, variants: { ...entry.variants } }));
  // Joined before the index is built (once, not once per variant). A variant for an entry the files
  // no longer have stays in the database, but matches nothing.
  for (const variant of saved.variants ?? []) {
    const entry = entries.find((e) => e.id === variant.faqId);
    if (entry) entry.variants[variant.language] = [...(entry.variants[variant.language] ?? []), variant.text];
  }
  return createFaqMatcher(entries, { lexicon: content.lexicon, pages: pageBodies(content.campaign) });
}
