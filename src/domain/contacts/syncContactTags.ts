import type { Db } from "../../db/client.js";
import { replaceTagsWithPrefixes } from "./contactTags.js";

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
  await replaceTagsWithPrefixes(db, contactId, derivedTagPrefixes, wanted);
  return wanted;
}
