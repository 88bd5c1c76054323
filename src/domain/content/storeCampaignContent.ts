import { dialectOf } from "../../db/dialect.js";
import type { Database } from "../../db/client.js";
import { inboxFaqPrefix } from "../inbox/inboxFaqId.js";
import type { CampaignContent } from "./contentSchema.js";
import { listCampaignPages } from "./listCampaignPages.js";

/** Replaces the stored content with what the files say, in one transaction. */
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
