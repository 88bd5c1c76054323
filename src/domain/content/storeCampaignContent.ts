import { dialectOf } from "../../db/dialect.js";
import type { Database } from "../../db/client.js";
import { inboxFaqPrefix } from "../inbox/inboxFaqId.js";
import type { CampaignContent } from "./contentSchema.js";
import { listCampaignPages } from "./listCampaignPages.js";

/**
 * Replaces the stored content with what the files say, in one transaction; when the database
 * already holds exactly that (every start after the first, until the files change), it writes
 * nothing, which keeps a write transaction out of every start-up.
 */
export async function storeCampaignContent(db: Database, content: CampaignContent): Promise<{ pages: number; faqEntries: number }> {
  const { campaign, faq } = content;
  const pages = listCampaignPages(campaign).flatMap(({ key, title, body, position }) =>
    campaign.campaign.languages.map((language) => ({ key, language, title: title[language] ?? "", body: body[language] ?? "", position })),
  );

  const pageBodies = new Map(pages.map((page) => [`${page.key}|${page.language}`, page.body]));
  const faqRows = faq.flatMap((entry) =>
    campaign.campaign.languages.map((language) => ({
      id: entry.id,
      language,
      question: entry.question[language] ?? "",
      variants: JSON.stringify(entry.variants[language] ?? []),
      // An answer taken from a page is stored as that page says it, so the two cannot differ.
      answer: entry.answer?.[language] ?? pageBodies.get(`${entry.page}|${language}`) ?? "",
    })),
  );

  const ownIds = new Set(faq.map((entry) => entry.id));
  if (await storedAlready(db, pages, faqRows, ownIds)) return { pages: pages.length, faqEntries: faqRows.length };
  await db.$transaction(async (tx) => {
    // Several processes starting at once on PostgreSQL would each delete and insert the same pages.
    if (dialectOf(tx) === "postgresql") await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('relawan:campaign-content', 0))`;
    await tx.contentPage.deleteMany({});
    await tx.contentPage.createMany({ data: pages });
    // Entries staff saved from inbox replies live only here; the files replace everything else.
    await tx.faqEntry.deleteMany({ where: { OR: [{ NOT: { id: { startsWith: inboxFaqPrefix } } }, { id: { in: faq.map((entry) => entry.id) } }] } });
    await tx.faqEntry.createMany({ data: faqRows });
  });
  return { pages: pages.length, faqEntries: faqRows.length };
}

type PageRow = { key: string; language: string; title: string; body: string; position: number };
type FaqRow = { id: string; language: string; question: string; variants: string; answer: string };

async function storedAlready(db: Database, pages: PageRow[], faqRows: FaqRow[], ownIds: ReadonlySet<string>): Promise<boolean> {
  const [storedPages, storedFaq] = await Promise.all([
    db.contentPage.findMany({ select: { key: true, language: true, title: true, body: true, position: true } }),
    db.faqEntry.findMany({ select: { id: true, language: true, question: true, variants: true, answer: true } }),
  ]);
  // What the transaction would replace: every entry but those staff saved from the inbox under their own ids.
  const replaced = storedFaq.filter((row) => !row.id.startsWith(inboxFaqPrefix) || ownIds.has(row.id));
  const page = (p: PageRow) => JSON.stringify([p.key, p.language, p.title, p.body, p.position]);
  const entry = (f: FaqRow) => JSON.stringify([f.id, f.language, f.question, f.variants, f.answer]);
  return sameRows(storedPages.map(page), pages.map(page)) && sameRows(replaced.map(entry), faqRows.map(entry));
}

function sameRows(stored: string[], wanted: string[]): boolean {
  if (stored.length !== wanted.length) return false;
  const have = new Set(stored);
  return wanted.every((row) => have.has(row)) && have.size === new Set(wanted).size;
}
