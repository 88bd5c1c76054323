import { Prisma, type Db } from "../../db/client.js";
import type { CoverageCounts } from "./coverageTypes.js";
import { childCodeLength, regionScopeSql } from "./regionScopeSql.js";

/**
 * Contacts, subscribers, volunteers and active volunteers in a region, grouped by the child each
 * contact's code falls in (its first characters), counted in the database. The key is the child's
 * code; a code shorter than a child's (a contact known only at the parent's level) is its own key,
 * and null is "no region". Two scans: contacts alone, then volunteers joined to their contact.
 */
export async function countPeopleByRegion(db: Db, parentCode: string | null, activeSince: Date): Promise<Map<string | null, CoverageCounts>> {
  const length = Prisma.raw(String(childCodeLength(parentCode)));
  // A subquery names the group, so PostgreSQL groups by a column rather than an expression.
  const contacts = await db.$queryRaw<{ child: string | null; contacts: bigint | number; subscribers: bigint | number | null }[]>`
    SELECT g."child", COUNT(*) AS "contacts", SUM(g."subscriber") AS "subscribers"
    FROM (
      SELECT SUBSTR(c."regionCode", 1, ${length}) AS "child",
        CASE WHEN c."optedOut" = FALSE AND c."updatesConsent" = TRUE THEN 1 ELSE 0 END AS "subscriber"
      FROM "Contact" c WHERE ${regionScopeSql(db, Prisma.sql`c."regionCode"`, parentCode)}
    ) g GROUP BY g."child"`;
  const volunteers = await db.$queryRaw<{ child: string | null; volunteers: bigint | number; active: bigint | number | null }[]>`
    SELECT g."child", COUNT(*) AS "volunteers", SUM(g."active") AS "active"
    FROM (
      SELECT SUBSTR(c."regionCode", 1, ${length}) AS "child",
        CASE WHEN c."lastActiveAt" >= ${activeSince}
          OR EXISTS (SELECT 1 FROM "TaskAssignment" ta WHERE ta."contactId" = c."id" AND (ta."respondedAt" >= ${activeSince} OR ta."doneAt" >= ${activeSince}))
          OR EXISTS (SELECT 1 FROM "CanvassReport" cr WHERE cr."volunteerId" = v."id" AND cr."createdAt" >= ${activeSince} AND cr."withdrawnAt" IS NULL)
          THEN 1 ELSE 0 END AS "active"
      FROM "Volunteer" v JOIN "Contact" c ON c."id" = v."contactId"
      WHERE ${regionScopeSql(db, Prisma.sql`c."regionCode"`, parentCode)}
    ) g GROUP BY g."child"`;

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
