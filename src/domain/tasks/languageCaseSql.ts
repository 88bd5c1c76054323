import { Prisma } from "../../db/client.js";

/**
 * `CASE c."language" WHEN 'en' THEN ... ELSE <default> END`: one value per language chosen in
 * the database, so a message for a whole segment is written in one statement. Languages the bot
 * does not speak get the default language's value.
 */
export function languageCaseSql(values: Record<string, string>, defaultLanguage: string): Prisma.Sql {
  const fallback = values[defaultLanguage] ?? Object.values(values)[0] ?? "";
  const others = Object.entries(values).filter(([language]) => language !== defaultLanguage);
  if (others.length === 0) return Prisma.sql`${fallback}`;
  const branches = others.map(([language, value]) => Prisma.sql`WHEN ${language} THEN ${value}`);
  return Prisma.sql`CASE c."language" ${Prisma.join(branches, " ")} ELSE ${fallback} END`;
}
