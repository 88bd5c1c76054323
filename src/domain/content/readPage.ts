import type { Db } from "../../db/client.js";

export interface Page {
  title: string;
  body: string;
}

/** A content page in the person's language, else the campaign's default language. */
export async function readPage(db: Db, key: string, language: string, defaultLanguage: string): Promise<Page | undefined> {
  const rows = await db.contentPage.findMany({ where: { key, language: { in: [language, defaultLanguage] } } });
  const row = preferLanguage(rows, language);
  return row ? { title: row.title, body: row.body } : undefined;
}

/** An FAQ answer in the person's language, else the campaign's default language. */
export async function readFaqAnswer(db: Db, id: string, language: string, defaultLanguage: string): Promise<Page | undefined> {
  const rows = await db.faqEntry.findMany({ where: { id, language: { in: [language, defaultLanguage] } } });
  const row = preferLanguage(rows, language);
  return row ? { title: row.question, body: row.answer } : undefined;
}

function preferLanguage<T extends { language: string }>(rows: T[], language: string): T | undefined {
  return rows.find((r) => r.language === language) ?? rows[0];
}
