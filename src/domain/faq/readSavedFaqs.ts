import type { Db } from "../../db/client.js";
import type { FaqEntryContent } from "../content/contentSchema.js";
import { inboxFaqPrefix } from "../inbox/inboxFaqId.js";
import { readSavedFaqEntries } from "../inbox/readSavedFaqEntries.js";
import { readFaqVariants } from "../questions/readFaqVariants.js";

export interface SavedFaqs {
  /** Changes whenever staff save, replace or drop an FAQ entry or a variant (readSavedFaqMarker). */
  marker: string;
  entries: FaqEntryContent[];
  variants: Array<{ faqId: string; language: string; text: string }>;
}

/**
 * What staff taught the bot while it ran: FAQ entries saved from inbox replies and wordings kept
 * from "Maksud Anda…?" picks. The marker is read first, so a change made while the rest is read
 * shows up as a changed marker at the next check rather than being missed.
 */
export async function readSavedFaqs(db: Db): Promise<SavedFaqs> {
  const marker = await readSavedFaqMarker(db);
  return { marker, entries: await readSavedFaqEntries(db), variants: await readFaqVariants(db) };
}

/** A short reading that changes when a saved entry or variant is added, replaced or removed: two aggregate queries. */
export async function readSavedFaqMarker(db: Db): Promise<string> {
  const entries = await db.faqEntry.aggregate({ where: { id: { startsWith: inboxFaqPrefix } }, _count: { _all: true }, _max: { updatedAt: true } });
  const variants = await db.faqVariant.aggregate({ _count: { _all: true }, _max: { id: true } });
  return [entries._count._all, entries._max.updatedAt?.getTime() ?? 0, variants._count._all, variants._max.id ?? 0].join(".");
}
