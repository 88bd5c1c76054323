import { Prisma, type Db } from "../../db/client.js";
import { queryDirectOrPrisma } from "../../db/queryDirect.js";

export interface Page {
  title: string;
  body: string;
}

/** A content page in the person's language, else the campaign's default language. */
export async function readPage(db: Db, key: string, language: string, defaultLanguage: string): Promise<Page | undefined> {
  // Raw SQL, as every read a conversation turn makes: a Prisma model query costs several times the
  // statement's CPU while SQLite's one write transaction waits (docs/benchmarks.md); on SQLite below
  // Prisma altogether (queryDirect, runTransaction).
  const rows = await queryDirectOrPrisma<{ language: string; title: string; body: string }>(
    db,
    Prisma.sql`SELECT "language", "title", "body" FROM "ContentPage" WHERE "key" = ${key} AND "language" IN (${language}, ${defaultLanguage})`,
  );
  const row = preferLanguage(rows, language);
  return row ? { title: row.title, body: row.body } : undefined;
}

/**
 * An FAQ answer in the person's language, else the campaign's default language, else the one it
 * has: an answer staff saved in English from an English question (/reply <id> faq) is better than
 * none for someone who asked the same in English with Indonesian chosen.
 */
export async function readFaqAnswer(db: Db, id: string, language: string, defaultLanguage: string): Promise<Page | undefined> {
  const rows = await queryDirectOrPrisma<{ language: string; question: string; answer: string }>(
    db,
    Prisma.sql`SELECT "language", "question", "answer" FROM "FaqEntry" WHERE "id" = ${id} ORDER BY "language"`,
  );
  const row = preferLanguage(rows, language, defaultLanguage);
  return row ? { title: row.question, body: row.answer } : undefined;
}

function preferLanguage<T extends { language: string }>(rows: T[], language: string, defaultLanguage?: string): T | undefined {
  return rows.find((r) => r.language === language) ?? rows.find((r) => r.language === defaultLanguage) ?? rows[0];
}
