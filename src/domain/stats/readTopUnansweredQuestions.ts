import type { Db } from "../../db/client.js";
import { normalizeText } from "../faq/normalizeText.js";
import { inboxFaqPrefix } from "../inbox/inboxFaqId.js";
import type { QuestionCount } from "./types.js";
import { cleanTextForStaff } from "../text/cleanTextForStaff.js";

// Groups the database hands over for merging; the long tail of one-off questions stays there.
const CANDIDATE_GROUPS = 300;

/**
 * The open questions the FAQ could not answer (inbox questions waiting for the team), most asked
 * first. A question staff have since answered with an FAQ (/reply <id> faq) is no gap any more,
 * nor are the same words from others, though those still wait in the inbox for their own reply.
 * The database groups the texts by their lower-cased, trimmed form and returns the biggest
 * groups; those are merged here by the FAQ's own normalisation ("gmn cara daftar??" = "Bagaimana
 * cara daftar"), which SQL cannot do portably.
 */
export async function readTopUnansweredQuestions(db: Db, limit = 10): Promise<QuestionCount[]> {
  const groups = await db.$queryRaw<{ sample: string; n: bigint | number }[]>`
    SELECT MIN(q."text") AS "sample", COUNT(*) AS "n"
    FROM (
      SELECT i."text", LOWER(TRIM(i."text")) AS "key" FROM "InboxItem" i
      WHERE i."kind" = 'question' AND i."status" = 'open'
        AND NOT EXISTS (SELECT 1 FROM "FaqEntry" f WHERE f."id" LIKE ${`${inboxFaqPrefix}%`} AND LOWER(TRIM(f."question")) = LOWER(TRIM(i."text")))
    ) q
    GROUP BY q."key"
    ORDER BY COUNT(*) DESC, q."key"
    LIMIT ${CANDIDATE_GROUPS}`;
  const merged = new Map<string, { text: string; count: number; biggest: number }>();
  for (const group of groups) {
    const n = Number(group.n);
    // Staff read these (/stats, its chart, stats.json).
    const sample = cleanTextForStaff(group.sample);
    const key = normalizeText(sample) || sample.trim().toLowerCase();
    const entry = merged.get(key);
    if (!entry) merged.set(key, { text: sample.trim(), count: n, biggest: n });
    else {
      entry.count += n;
      // The wording most people used stands for the group.
      if (n > entry.biggest) Object.assign(entry, { text: sample.trim(), biggest: n });
    }
  }
  return [...merged.values()]
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
    .slice(0, limit)
    .map(({ text, count }) => ({ text, count }));
}
