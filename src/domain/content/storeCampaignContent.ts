import { dialectOf } from "../../db/dialect.js";
import type { Database } from "../../db/client.js";
import { inboxFaqPrefix } from "../inbox/inboxFaqId.js";
import type { CampaignContent, LocalizedText } from "./contentSchema.js";

/** Replaces the stored content with what the files say, in one transaction. */
export async function storeCampaignContent(db: Database, content: CampaignContent): Promise<{ pages: number; faqEntries: number }> {
  const { campaign, faq } = content;
  const pages: { key: string; language: string; title: string; body: string; position: number }[] = [];
  const addPage = (key: string, title: LocalizedText, body: LocalizedText, position: number) => {
    for (const language of campaign.campaign.languages) {
      pages.push({ key, language, title: title[language] ?? "", body: body[language] ?? "", position });
    }
  };
  addPage("profile", campaign.profile.title, campaign.profile.body, 0);
  addPage("vision", campaign.vision.title, campaign.vision.body, 1);
  addPage("mission", campaign.mission.title, campaign.mission.body, 2);
  campaign.programmes.forEach((p, i) => addPage(`programme:${p.id}`, p.title, p.body, 10 + i));

  const faqRows = faq.flatMap((entry) =>
    campaign.campaign.languages.map((language) => ({
      id: entry.id,
      language,
      question: entry.question[language] ?? "",
      variants: JSON.stringify(entry.variants[language] ?? []),
      answer: entry.answer[language] ?? "",
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
