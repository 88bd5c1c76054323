import { Prisma, type Db } from "../../db/client.js";
import { activeVolunteerSql } from "./activeVolunteerSql.js";
import type { CoverageCounts } from "./coverageTypes.js";
import { childCodeLength, regionScopeSql } from "./regionScopeSql.js";

/**
 * Contacts, subscribers, volunteers and active volunteers in a region, grouped by the child each
 * contact's code falls in (its first characters), counted in the database. The key is the child's
 * code; a code shorter than a child's (a contact known only at the parent's level) is its own key,
 * and null is "no region". Two queries: contacts alone (along an index that holds every
 * column they read), then volunteers joined to their contact.
 */
export async function countPeopleByRegion(db: Db, parentCode: string | null, activeSince: Date): Promise<Map<string | null, CoverageCounts>> {
  const length = Prisma.raw(String(childCodeLength(parentCode)));
  const scope = regionScopeSql(db, Prisma.sql`c."regionCode"`, parentCode);
  // Grouped twice: by the whole code first, which streams along the index on regionCode, then the
  // few thousand codes by their prefix (grouping a million rows by SUBSTR at once sorts them all).
  const contacts = await db.$queryRaw<{ child: string | null; contacts: bigint | number; subscribers: bigint | number | null }[]>`
    SELECT SUBSTR(r."code", 1, ${length}) AS "child", SUM(r."contacts") AS "contacts", SUM(r."subscribers") AS "subscribers"
    FROM (
      SELECT c."regionCode" AS "code", COUNT(*) AS "contacts",
        SUM(CASE WHEN c."optedOut" = FALSE AND c."updatesConsent" = TRUE THEN 1 ELSE 0 END) AS "subscribers"
      FROM "Contact" c WHERE ${scope} GROUP BY c."regionCode"
    ) r GROUP BY SUBSTR(r."code", 1, ${length})`;
  // SQLite, a million contacts: the whole country reads the volunteers' contacts in id order
  // (IN), three times faster than the join; inside a region the join starts from the region's
  // stretch of the index instead. Both are plain SQL for PostgreSQL too.
  const volunteersIn =
    parentCode === null
      ? Prisma.sql`FROM "Contact" c WHERE c."id" IN (SELECT v."contactId" FROM "Volunteer" v)`
      : Prisma.sql`FROM "Volunteer" v JOIN "Contact" c ON c."id" = v."contactId" WHERE ${scope}`;
  const volunteers = await db.$queryRaw<{ child: string | null; volunteers: bigint | number; active: bigint | number | null }[]>`
    SELECT SUBSTR(r."code", 1, ${length}) AS "child", SUM(r."volunteers") AS "volunteers", SUM(r."active") AS "active"
    FROM (
      SELECT c."regionCode" AS "code", COUNT(*) AS "volunteers",
        SUM(CASE WHEN ${activeVolunteerSql(activeSince)} THEN 1 ELSE 0 END) AS "active"
      ${volunteersIn}
      GROUP BY c."regionCode"
    ) r GROUP BY SUBSTR(r."code", 1, ${length})`;

  const byChild = new Map<string | null, CoverageCounts>();
  const entry = (child: string | null): CoverageCounts => {
    const key = child === null || child.trim() === "" ? null : child;
    let counts = byChild.get(key);
    if (counts === undefined) {
      counts = { contacts: 0, subscribers: 0, volunteers: 0, activeVolunteers: 0 };
      byChild.set(key, counts);
    }
    return counts;
  };
  for (const row of contacts) {
    const counts = entry(row.child);
    counts.contacts += Number(row.contacts);
    counts.subscribers += Number(row.subscribers ?? 0);
  }
  for (const row of volunteers) {
    const counts = entry(row.child);
    counts.volunteers += Number(row.volunteers);
    counts.activeVolunteers += Number(row.active ?? 0);
  }
  return byChild;
}
