import { Prisma, type Db } from "../../db/client.js";
import { executeDirectOrPrisma, queryDirectOrPrisma } from "../../db/queryDirect.js";

/*
 * Where a person's tags are kept: ContactTag rows, one per tag, keyed by (contactId, tag), with an
 * index on the tag, and going with the contact. Every read, write and filter of them goes through
 * here, except the import's bulk writing (writeImportBatch), so how tags are kept is one module's
 * business. Raw SQL throughout: tags are read and written in conversation turns, inside their
 * transaction, where Prisma's model queries cost several times the statements (on SQLite below
 * Prisma altogether: queryDirect, runTransaction).
 */

/** A person's tags, in order. */
export async function readContactTags(db: Db, contactId: string): Promise<string[]> {
  const rows = await queryDirectOrPrisma<{ tag: string }>(db, Prisma.sql`SELECT "tag" FROM "ContactTag" WHERE "contactId" = ${contactId} ORDER BY "tag"`);
  return rows.map((row) => row.tag);
}

/** The tags of each of these people, in order; someone without tags is left out. */
export async function readTagsOfContacts(db: Db, contactIds: readonly string[]): Promise<Map<string, string[]>> {
  const tags = new Map<string, string[]>();
  if (contactIds.length === 0) return tags;
  const rows = await queryDirectOrPrisma<{ contactId: string; tag: string }>(
    db,
    Prisma.sql`SELECT "contactId", "tag" FROM "ContactTag" WHERE "contactId" IN (${Prisma.join(contactIds)}) ORDER BY "contactId", "tag"`,
  );
  for (const { contactId, tag } of rows) {
    const list = tags.get(contactId);
    if (list) list.push(tag);
    else tags.set(contactId, [tag]);
  }
  return tags;
}

/** Gives a person these tags; one they have already stays as it is. */
export async function addContactTags(db: Db, contactId: string, tags: readonly string[]): Promise<void> {
  if (tags.length === 0) return;
  const rows = [...new Set(tags)].map((tag) => Prisma.sql`(${contactId}, ${tag})`);
  await executeDirectOrPrisma(db, Prisma.sql`INSERT INTO "ContactTag" ("contactId", "tag") VALUES ${Prisma.join(rows)} ON CONFLICT DO NOTHING`);
}

/** Takes these tags off a person. */
export async function removeContactTags(db: Db, contactId: string, tags: readonly string[]): Promise<void> {
  if (tags.length === 0) return;
  await executeDirectOrPrisma(db, Prisma.sql`DELETE FROM "ContactTag" WHERE "contactId" = ${contactId} AND "tag" IN (${Prisma.join(tags)})`);
}

/** The ids of the people with any of `tags` (at least one), as a subquery read along the tag's index. */
export function taggedContactIdsSql(tags: readonly string[]): Prisma.Sql {
  return Prisma.sql`SELECT tt."contactId" FROM "ContactTag" tt WHERE tt."tag" IN (${Prisma.join(tags)})`;
}

/**
 * Whether the person whose id is `contactId` (an SQL expression, such as c."id") has any of `tags`
 * (at least one): a condition looked up per person, for a filter that reads people another way.
 */
export function hasAnyTagSql(contactId: Prisma.Sql, tags: readonly string[]): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "ContactTag" ht WHERE ht."contactId" = ${contactId} AND ht."tag" IN (${Prisma.join(tags)}))`;
}
