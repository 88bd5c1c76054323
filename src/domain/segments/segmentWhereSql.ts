import { Prisma, type Db } from "../../db/client.js";
import { dialectOf } from "../../db/dialect.js";
import { hasAnyTagSql } from "../contacts/contactTags.js";
import type { SegmentDefinition } from "./segmentDefinition.js";

/**
 * The WHERE fragment selecting a segment's contacts from `"Contact" c` on `db`'s database. Plain
 * SQL that SQLite and PostgreSQL both run: EXISTS subqueries, LIKE on digit-and-dot codes, dates
 * as parameters, boolean literals (TRUE/FALSE are keywords in both); tags as each keeps them
 * (contactTags.ts).
 */
export function segmentWhereSql(db: Db, def: SegmentDefinition): Prisma.Sql {
  const dialect = dialectOf(db);
  const hasTag = (tags: string[]) => hasAnyTagSql(dialect, "c", tags);
  const conditions: Prisma.Sql[] = [];
  for (const tag of def.tagsAll ?? []) conditions.push(hasTag([tag]));
  if (def.tagsAny?.length) conditions.push(hasTag(def.tagsAny));
  if (def.tagsNone?.length) conditions.push(Prisma.sql`NOT ${hasTag(def.tagsNone)}`);
  if (def.interests?.length) conditions.push(hasTag(def.interests.map((id) => `interest:${id}`)));
  if (def.regionPrefix) {
    const code = def.regionPrefix;
    // Volunteers carry region:<code> tags for every level; others may only have a regionCode.
    conditions.push(Prisma.sql`(${hasTag([`region:${code}`])} OR c."regionCode" = ${code} OR c."regionCode" LIKE ${`${code}.%`})`);
  }
  if (def.regionCodes?.length) {
    const codes = def.regionCodes;
    const inside = codes.map((code) => Prisma.sql`c."regionCode" LIKE ${`${code}.%`}`);
    conditions.push(Prisma.sql`(${hasTag(codes.map((code) => `region:${code}`))} OR c."regionCode" IN (${Prisma.join(codes)}) OR ${Prisma.join(inside, " OR ")})`);
  }
  if (def.role) conditions.push(roleSql(def.role));
  if (def.language) conditions.push(Prisma.sql`c."language" = ${def.language}`);
  if (def.channel) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "ChannelIdentity" sci WHERE sci."contactId" = c."id" AND sci."channel" = ${def.channel})`);
  }
  if (def.consent === "subscribed") conditions.push(Prisma.sql`(c."optedOut" = FALSE AND c."updatesConsent" = TRUE)`);
  if (def.lastActiveBefore) conditions.push(Prisma.sql`c."lastActiveAt" < ${new Date(def.lastActiveBefore)}`);
  if (def.lastActiveAfter) conditions.push(Prisma.sql`c."lastActiveAt" >= ${new Date(def.lastActiveAfter)}`);
  if (def.referredBy) conditions.push(Prisma.sql`c."referredByCode" = ${def.referredBy}`);
  return conditions.length === 0 ? Prisma.sql`1 = 1` : Prisma.join(conditions, " AND ", "(", ")");
}

function roleSql(role: NonNullable<SegmentDefinition["role"]>): Prisma.Sql {
  const registered = Prisma.sql`EXISTS (SELECT 1 FROM "Volunteer" sv WHERE sv."contactId" = c."id")`;
  // Volunteers who signed up before roles existed have a Volunteer row but no role.
  if (role === "volunteer") return Prisma.sql`(c."role" = 'volunteer' OR ${registered})`;
  if (role === "voter") return Prisma.sql`(c."role" IS NULL AND NOT ${registered})`;
  return Prisma.sql`c."role" = ${role}`;
}
