import { type Db } from "../../db/client.js";
import { canvassScopeSql } from "./canvassScopeSql.js";

/** An issue and how many reports raised it: a programme of the campaign, or free text (lower-cased). */
export type CanvassIssueCount = ({ programmeId: string } | { text: string }) & { reports: number };

interface RawIssue {
  programmeId: string | null;
  text: string | null;
  reports: bigint | number;
}

/**
 * The local issues ("isu lokal") raised most in a region (or all of Indonesia): programmes and free
 * text alike, counted by the reports that mention them, most first. Free text is grouped as written
 * (trimmed, lower-case), so "jalan rusak" and "Jalan rusak" are one issue. On a tie programmes come
 * first, then by id and text (the same order on SQLite, which sorts NULL first, and PostgreSQL).
 */
export async function readCanvassIssues(db: Db, options: { regionCode?: string | null; since?: Date; limit?: number } = {}): Promise<CanvassIssueCount[]> {
  const scope = canvassScopeSql(db, options.regionCode ?? null, options.since);
  const rows = await db.$queryRaw<RawIssue[]>`
    SELECT i."programmeId" AS "programmeId", LOWER(TRIM(i."text")) AS "text", COUNT(DISTINCT i."reportId") AS "reports"
    FROM "CanvassIssue" i JOIN "CanvassReport" r ON r."id" = i."reportId"
    WHERE ${scope}
    GROUP BY i."programmeId", LOWER(TRIM(i."text"))
    ORDER BY COUNT(DISTINCT i."reportId") DESC, CASE WHEN i."programmeId" IS NULL THEN 1 ELSE 0 END, i."programmeId", LOWER(TRIM(i."text"))
    LIMIT ${options.limit ?? 10}`;
  return rows.map((row) =>
    row.programmeId ? { programmeId: row.programmeId, reports: Number(row.reports) } : { text: row.text ?? "", reports: Number(row.reports) },
  );
}

