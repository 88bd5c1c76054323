import { Prisma, type Db } from "../../db/client.js";
import { dialectOf } from "../../db/dialect.js";
import { taggedContactIdsSql } from "../contacts/contactTags.js";
import { activeSinceOf, activeVolunteerSql } from "../regions/activeVolunteerSql.js";
import { regionScopeSql } from "../regions/regionScopeSql.js";
import { segmentWhereSql } from "../segments/segmentWhereSql.js";
import type { SegmentDefinition } from "../segments/segmentDefinition.js";
import type { PeopleFilter, PeopleFilterSettings } from "./parsePeopleFilter.js";
import { peopleSearchSql } from "./peopleSearchSql.js";

/**
 * The WHERE fragment over `"Contact" c` for a people filter: region, tag, voter/volunteer and
 * "subscribed" are the segments' own SQL (segmentWhereSql), activity the coverage's
 * (activeVolunteerSql); plain SQL both SQLite and PostgreSQL run.
 */
export function peopleWhereSql(db: Db, filter: PeopleFilter, settings: PeopleFilterSettings): Prisma.Sql {
  const segment: SegmentDefinition = {};
  if (filter.region) segment.regionCodes = [filter.region];
  if (filter.tag) segment.tagsAll = [filter.tag];
  if (filter.role === "voter" || filter.role === "volunteer") segment.role = filter.role;
  if (filter.consent === "subscribed") segment.consent = "subscribed";
  const conditions = [segmentWhereSql(db, segment)];
  if (filter.role === "staff") conditions.push(Prisma.sql`c."role" IN ('admin', 'coordinator')`);
  if (filter.consent === "opted_out") conditions.push(Prisma.sql`c."optedOut" = TRUE`);
  if (filter.consent === "not_subscribed") conditions.push(Prisma.sql`(c."optedOut" = FALSE AND (c."updatesConsent" IS NULL OR c."updatesConsent" = FALSE))`);
  if (filter.activity) {
    const active = activeVolunteerSql(activeSinceOf(settings.now, settings.activeDays));
    conditions.push(filter.activity === "active" ? active : Prisma.sql`NOT ${active}`);
  }
  if (filter.search) conditions.push(peopleSearchSql(filter.search, settings.defaultCountry, dialectOf(db)));
  // Not a second rule, a way in: a superset of the region's people read along the indexes on
  // regionCode and tag, so a regency's few thousand contacts are not looked for among a million
  // in id order (650 ms of SQLite's time for Kota Bandung's volunteers, 50-100 ms this way; the
  // segment's rule above still decides). A province holds a few percent of everyone: walking the
  // newest first finds a page sooner than collecting all of them (20 ms against 130 for Jawa Barat).
  if (filter.region?.includes(".")) {
    conditions.push(Prisma.sql`c."id" IN (SELECT r."id" FROM "Contact" r WHERE ${regionScopeSql(db, Prisma.sql`r."regionCode"`, filter.region)}
      UNION ${taggedContactIdsSql(dialectOf(db), [`region:${filter.region}`])})`);
  }
  return Prisma.join(conditions, " AND ", "(", ")");
}
