import { Prisma } from "../../db/client.js";
import { normalizePhone } from "../contacts/normalizePhone.js";
import { segmentWhereSql } from "../segments/segmentWhereSql.js";
import type { SegmentDefinition } from "../segments/segmentDefinition.js";
import { looksLikeReferralCode } from "../volunteers/createReferralCode.js";
import type { PeopleFilter } from "./parsePeopleFilter.js";

/**
 * The WHERE fragment over `"Contact" c` for a people filter: region, tag, voter/volunteer and
 * "subscribed" are the segments' own SQL (segmentWhereSql); plain SQL both SQLite and PostgreSQL run.
 */
export function peopleWhereSql(filter: PeopleFilter): Prisma.Sql {
  const segment: SegmentDefinition = {};
  if (filter.region) segment.regionCodes = [filter.region];
  if (filter.tag) segment.tagsAll = [filter.tag];
  if (filter.role === "voter" || filter.role === "volunteer") segment.role = filter.role;
  if (filter.consent === "subscribed") segment.consent = "subscribed";
  const conditions = [segmentWhereSql(segment)];
  if (filter.role === "staff") conditions.push(Prisma.sql`c."role" IN ('admin', 'coordinator')`);
  if (filter.consent === "opted_out") conditions.push(Prisma.sql`c."optedOut" = TRUE`);
  if (filter.consent === "not_subscribed") conditions.push(Prisma.sql`(c."optedOut" = FALSE AND (c."updatesConsent" IS NULL OR c."updatesConsent" = FALSE))`);
  if (filter.search) conditions.push(searchSql(filter.search));
  return Prisma.join(conditions, " AND ", "(", ")");
}

function searchSql(search: string): Prisma.Sql {
  // LOWER on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
  const pattern = `%${search.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const either = [Prisma.sql`LOWER(c."name") LIKE ${pattern} ESCAPE '\\'`];
  const phone = normalizePhone(search, "ID");
  if (phone.status === "ok") either.push(Prisma.sql`c."phone" = ${phone.e164}`);
  const code = search.toUpperCase();
  if (looksLikeReferralCode(code)) either.push(Prisma.sql`EXISTS (SELECT 1 FROM "Volunteer" pv WHERE pv."contactId" = c."id" AND pv."referralCode" = ${code})`);
  return Prisma.join(either, " OR ", "(", ")");
}
