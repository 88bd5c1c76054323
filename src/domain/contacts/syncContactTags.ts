import { Prisma, type Db } from "../../db/client.js";
import { executeDirectOrPrisma, queryDirectOrPrisma } from "../../db/queryDirect.js";

/** Tag prefixes Relawan derives from the contact itself; all other tags belong to staff. */
export const derivedTagPrefixes = ["role:", "region:", "interest:", "lang:"] as const;

export interface TagSource {
  language: string;
  isVolunteer: boolean;
  regionTags: string[];
  interests: string[];
}

/** Recomputes the derived segment tags so they never drift from the stored answers. */
export async function syncContactTags(db: Db, contactId: string, source: TagSource): Promise<string[]> {
  const wanted = [
    `lang:${source.language}`,
    ...(source.isVolunteer ? ["role:volunteer"] : []),
    ...source.regionTags,
    ...source.interests.map((i) => `interest:${i}`),
  ];
  // Raw SQL: it runs in the turns that change a language, a region or a sign-up, inside their
  // transaction, where Prisma's three model queries cost several times the two statements (on
  // SQLite below Prisma altogether: queryDirect, runTransaction).
  const existing = await queryDirectOrPrisma<{ tag: string }>(db, Prisma.sql`SELECT "tag" FROM "ContactTag" WHERE "contactId" = ${contactId}`);
  const stale = existing.map((t) => t.tag).filter((tag) => derivedTagPrefixes.some((p) => tag.startsWith(p)) && !wanted.includes(tag));
  if (stale.length > 0) await executeDirectOrPrisma(db, Prisma.sql`DELETE FROM "ContactTag" WHERE "contactId" = ${contactId} AND "tag" IN (${Prisma.join(stale)})`);
  const have = new Set(existing.map((t) => t.tag));
  const missing = [...new Set(wanted)].filter((tag) => !have.has(tag));
  if (missing.length > 0) {
    await executeDirectOrPrisma(db, Prisma.sql`INSERT INTO "ContactTag" ("contactId", "tag") VALUES ${Prisma.join(missing.map((tag) => Prisma.sql`(${contactId}, ${tag})`))}`);
  }
  return wanted;
}
