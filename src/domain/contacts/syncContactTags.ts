import type { Db } from "../../db/client.js";
import { addContactTags, readContactTags, removeContactTags } from "./contactTags.js";

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
  const existing = await readContactTags(db, contactId);
  await removeContactTags(db, contactId, existing.filter((tag) => derivedTagPrefixes.some((p) => tag.startsWith(p)) && !wanted.includes(tag)));
  const have = new Set(existing);
  await addContactTags(db, contactId, wanted.filter((tag) => !have.has(tag)));
  return wanted;
}
