import type { Db } from "../../db/client.js";

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
  await db.contactTag.deleteMany({
    where: { contactId, OR: derivedTagPrefixes.map((p) => ({ tag: { startsWith: p } })), tag: { notIn: wanted } },
  });
  const existing = new Set((await db.contactTag.findMany({ where: { contactId }, select: { tag: true } })).map((t) => t.tag));
  const missing = wanted.filter((tag) => !existing.has(tag));
  if (missing.length > 0) await db.contactTag.createMany({ data: missing.map((tag) => ({ contactId, tag })) });
  return wanted;
}
