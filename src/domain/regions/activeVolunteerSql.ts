import { Prisma } from "../../db/client.js";

const DAY_MS = 86_400_000;

/** The start of the window in which activity counts (ACTIVE_VOLUNTEER_DAYS before now). */
export function activeSinceOf(now: Date, activeDays: number): Date {
  return new Date(now.getTime() - activeDays * DAY_MS);
}

/**
 * "Active" for `"Contact" c` since a moment: a message from them, a task answered or done, or a
 * canvass report (not withdrawn). The one definition the coverage's active volunteers, the
 * overview and the People page's activity filter all count by.
 */
export function activeVolunteerSql(activeSince: Date): Prisma.Sql {
  return Prisma.sql`(c."lastActiveAt" >= ${activeSince}
    OR EXISTS (SELECT 1 FROM "TaskAssignment" ta WHERE ta."contactId" = c."id" AND (ta."respondedAt" >= ${activeSince} OR ta."doneAt" >= ${activeSince}))
    OR EXISTS (SELECT 1 FROM "Volunteer" cv JOIN "CanvassReport" cr ON cr."volunteerId" = cv."id"
      WHERE cv."contactId" = c."id" AND cr."createdAt" >= ${activeSince} AND cr."withdrawnAt" IS NULL))`;
}
