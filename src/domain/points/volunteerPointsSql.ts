import { Prisma } from "../../db/client.js";
import { pointValues } from "./pointValues.js";

/**
 * A "ranked" common table expression: every volunteer (within a province, when given) with tasks
 * done, recruits who signed up, canvass reports not withdrawn, points, and a rank in which equal points share a place (1, 1, 3).
 * Plain SQL with quoted identifiers and window functions: SQLite 3.25+ and PostgreSQL alike.
 */
export function volunteerPointsSql(provinceCode: string | undefined): Prisma.Sql {
  const scope = provinceCode
    ? Prisma.sql`WHERE (c."regionCode" = ${provinceCode} OR c."regionCode" LIKE ${`${provinceCode}.%`})`
    : Prisma.empty;
  // The point values are constants of the code, never input: written into the statement as numbers.
  const perTask = Prisma.raw(String(pointValues.taskDone));
  const perRecruit = Prisma.raw(String(pointValues.recruit));
  const perCanvass = Prisma.raw(String(pointValues.canvassReport));
  return Prisma.sql`
    WITH "done" AS (
      SELECT a."contactId", COUNT(*) AS "n" FROM "TaskAssignment" a WHERE a."status" = 'done' GROUP BY a."contactId"
    ), "recruits" AS (
      SELECT r."referredByCode" AS "code", COUNT(*) AS "n"
      FROM "Contact" r JOIN "Volunteer" rv ON rv."contactId" = r."id"
      WHERE r."referredByCode" IS NOT NULL
      GROUP BY r."referredByCode"
    ), "canvass" AS (
      SELECT k."volunteerId", COUNT(*) AS "n" FROM "CanvassReport" k
      WHERE k."withdrawnAt" IS NULL AND k."volunteerId" IS NOT NULL GROUP BY k."volunteerId"
    ), "scored" AS (
      SELECT v."contactId", c."name", c."regionCode", v."createdAt",
        COALESCE(d."n", 0) AS "tasksDone", COALESCE(rc."n", 0) AS "recruits", COALESCE(k."n", 0) AS "canvassReports",
        COALESCE(d."n", 0) * ${perTask} + COALESCE(rc."n", 0) * ${perRecruit} + COALESCE(k."n", 0) * ${perCanvass} AS "points"
      FROM "Volunteer" v
      JOIN "Contact" c ON c."id" = v."contactId"
      LEFT JOIN "done" d ON d."contactId" = v."contactId"
      LEFT JOIN "recruits" rc ON rc."code" = v."referralCode"
      LEFT JOIN "canvass" k ON k."volunteerId" = v."id"
      ${scope}
    ), "ranked" AS (
      SELECT s.*, RANK() OVER (ORDER BY s."points" DESC) AS "rank" FROM "scored" s
    )`;
}
