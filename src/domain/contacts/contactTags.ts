import { Prisma, type Db } from "../../db/client.js";
import { dialectOf, type Dialect } from "../../db/dialect.js";
import { executeDirectOrPrisma, queryDirectOrPrisma } from "../../db/queryDirect.js";

/*
 * Where a person's tags are kept, the one thing about them the two databases keep apart:
 * PostgreSQL in Contact.tagList, an array a GIN index finds (migration contact_tags_on_contact), so
 * a tag costs an index entry and no row of its own, B-tree entries or foreign-key check; SQLite,
 * which has no such index, as ContactTag rows keyed by (contactId, tag) with an index on the tag.
 * Either way they go with the contact. Every read, write and filter of them goes through here,
 * except moves in bulk (the import's writeImportBatch, `relawan db copy`). Raw SQL throughout: tags are read and
 * written in conversation turns, inside their transaction, where Prisma's model queries cost
 * several times the statements (on SQLite below Prisma altogether: queryDirect, runTransaction).
 */

/** PostgreSQL keeps tags in Contact.tagList; SQLite as ContactTag rows. */
export function keepsTagsOnContact(dialect: Dialect): boolean {
  return dialect === "postgresql";
}

/** `tags` (at least one) as a PostgreSQL text[] of parameters. */
function arraySql(tags: readonly string[]): Prisma.Sql {
  return Prisma.sql`CAST(ARRAY[${Prisma.join(tags)}] AS text[])`;
}

/** A person's tags, in order (bytewise, as ContactTag's key and Contact.tagList's reads sort them). */
export async function readContactTags(db: Db, contactId: string): Promise<string[]> {
  return (await readTagsOfContacts(db, [contactId])).get(contactId) ?? [];
}

/** The tags of each of these people, in order; someone without tags is left out. */
export async function readTagsOfContacts(db: Db, contactIds: readonly string[]): Promise<Map<string, string[]>> {
  const tags = new Map<string, string[]>();
  if (contactIds.length === 0) return tags;
  for (const { contactId, tag } of await queryDirectOrPrisma<TagRow>(db, tagsOfContactsSql(db, contactIds))) {
    const list = tags.get(contactId);
    if (list) list.push(tag);
    else tags.set(contactId, [tag]);
  }
  return tags;
}

export interface TagRow {
  contactId: string;
  tag: string;
}

/** The statement readTagsOfContacts runs: a TagRow per tag, in order, for at least one person. */
export function tagsOfContactsSql(db: Db, contactIds: readonly string[]): Prisma.Sql {
  const ids = Prisma.join(contactIds);
  return keepsTagsOnContact(dialectOf(db))
    ? Prisma.sql`SELECT c."id" AS "contactId", u."tag" FROM "Contact" c CROSS JOIN LATERAL unnest(c."tagList") AS u("tag") WHERE c."id" IN (${ids}) ORDER BY c."id", u."tag" COLLATE "C"`
    : Prisma.sql`SELECT "contactId", "tag" FROM "ContactTag" WHERE "contactId" IN (${ids}) ORDER BY "contactId", "tag"`;
}

/** Gives a person these tags; one they have already stays as it is. */
export async function addContactTags(db: Db, contactId: string, tags: readonly string[]): Promise<void> {
  if (tags.length === 0) return;
  const unique = [...new Set(tags)];
  // PostgreSQL: the row is not written again when it has them all (an UPDATE writes a new version of the row).
  const sql = keepsTagsOnContact(dialectOf(db))
    ? Prisma.sql`UPDATE "Contact" SET "tagList" = ARRAY(SELECT DISTINCT unnest(COALESCE("tagList", '{}') || ${arraySql(unique)}))
        WHERE "id" = ${contactId} AND NOT (COALESCE("tagList", '{}') @> ${arraySql(unique)})`
    : Prisma.sql`INSERT INTO "ContactTag" ("contactId", "tag") VALUES ${Prisma.join(unique.map((tag) => Prisma.sql`(${contactId}, ${tag})`))} ON CONFLICT DO NOTHING`;
  await executeDirectOrPrisma(db, sql);
}

/** Takes these tags off a person. */
export async function removeContactTags(db: Db, contactId: string, tags: readonly string[]): Promise<void> {
  if (tags.length === 0) return;
  const sql = keepsTagsOnContact(dialectOf(db))
    ? Prisma.sql`UPDATE "Contact" SET "tagList" = ARRAY(SELECT u FROM unnest("tagList") AS u WHERE u <> ALL (${arraySql(tags)}))
        WHERE "id" = ${contactId} AND "tagList" && ${arraySql(tags)}`
    : Prisma.sql`DELETE FROM "ContactTag" WHERE "contactId" = ${contactId} AND "tag" IN (${Prisma.join(tags)})`;
  await executeDirectOrPrisma(db, sql);
}

/**
 * Makes `wanted` a person's tags among those starting with one of `prefixes`, keeping every other
 * tag: the ones with such a prefix that are not wanted go. On PostgreSQL one statement (a turn
 * that changes someone's derived tags makes one round trip, not three), which leaves the row
 * unwritten when nothing changes.
 */
export async function replaceTagsWithPrefixes(db: Db, contactId: string, prefixes: readonly string[], wanted: readonly string[]): Promise<void> {
  if (!keepsTagsOnContact(dialectOf(db))) {
    const existing = await readContactTags(db, contactId);
    await removeContactTags(db, contactId, existing.filter((tag) => prefixes.some((prefix) => tag.startsWith(prefix)) && !wanted.includes(tag)));
    const have = new Set(existing);
    return addContactTags(db, contactId, wanted.filter((tag) => !have.has(tag)));
  }
  const keep = wanted.length > 0 ? arraySql([...new Set(wanted)]) : Prisma.sql`CAST('{}' AS text[])`;
  const patterns = arraySql(prefixes.map((prefix) => `${prefix.replace(/[\\%_]/g, "\\$&")}%`));
  const unwanted = (tag: Prisma.Sql) => Prisma.sql`(${tag} LIKE ANY (${patterns}) AND ${tag} <> ALL (${keep}))`;
  await executeDirectOrPrisma(
    db,
    Prisma.sql`UPDATE "Contact" SET "tagList" = ARRAY(SELECT DISTINCT u."tag" FROM unnest(COALESCE("tagList", '{}') || ${keep}) AS u("tag") WHERE NOT ${unwanted(Prisma.sql`u."tag"`)})
      WHERE "id" = ${contactId} AND (NOT (COALESCE("tagList", '{}') @> ${keep}) OR EXISTS (SELECT 1 FROM unnest("tagList") AS h("tag") WHERE ${unwanted(Prisma.sql`h."tag"`)}))`,
  );
}

/** The ids of the people with any of `tags` (at least one), as a subquery read along the tags' index. */
export function taggedContactIdsSql(dialect: Dialect, tags: readonly string[]): Prisma.Sql {
  return keepsTagsOnContact(dialect)
    ? Prisma.sql`SELECT tt."id" FROM "Contact" tt WHERE tt."tagList" && ${arraySql(tags)}`
    : Prisma.sql`SELECT tt."contactId" FROM "ContactTag" tt WHERE tt."tag" IN (${Prisma.join(tags)})`;
}

/**
 * Whether the contact row `contact` (an alias of "Contact" in the query, such as c) has any of
 * `tags` (at least one): a condition looked up per person, for a filter that reads people another way.
 */
export function hasAnyTagSql(dialect: Dialect, contact: string, tags: readonly string[]): Prisma.Sql {
  const row = Prisma.raw(contact);
  return keepsTagsOnContact(dialect)
    ? // Someone without tags has none (null), for NOT too.
      Prisma.sql`COALESCE(${row}."tagList" && ${arraySql(tags)}, FALSE)`
    : Prisma.sql`EXISTS (SELECT 1 FROM "ContactTag" ht WHERE ht."contactId" = ${row}."id" AND ht."tag" IN (${Prisma.join(tags)}))`;
}
