import { Prisma, type Db } from "../../db/client.js";
import { volunteerPointsSql } from "./volunteerPointsSql.js";

export interface LeaderboardRow {
  contactId: string;
  /** The stored name, whole: callers show only its first word. */
  name: string | null;
  regionCode: string | null;
  rank: number;
  points: number;
  tasksDone: number;
  recruits: number;
  canvassReports: number;
}

export interface Leaderboard {
  /** The best volunteers with any points, best first; equal points share a rank. */
  top: LeaderboardRow[];
  /** The asker's own line, points 0 included; undefined when they are not a volunteer in this scope. */
  own?: LeaderboardRow;
}

interface RawRow {
  contactId: string;
  name: string | null;
  regionCode: string | null;
  rank: bigint | number;
  points: bigint | number;
  tasksDone: bigint | number;
  recruits: bigint | number;
  canvassReports: bigint | number;
}

/** Counted in the database from the records, nationally or within one province ("32"). */
export async function readLeaderboard(db: Db, options: { provinceCode?: string; contactId?: string; limit?: number }): Promise<Leaderboard> {
  const ranked = volunteerPointsSql(options.provinceCode);
  const columns = Prisma.sql`SELECT "contactId", "name", "regionCode", "rank", "points", "tasksDone", "recruits", "canvassReports" FROM "ranked"`;
  const top = await db.$queryRaw<RawRow[]>`${ranked} ${columns}
    WHERE "points" > 0 ORDER BY "rank", "createdAt", "contactId" LIMIT ${options.limit ?? 10}`;
  const own = options.contactId ? await db.$queryRaw<RawRow[]>`${ranked} ${columns} WHERE "contactId" = ${options.contactId}` : [];
  return { top: top.map(toRow), own: own[0] ? toRow(own[0]) : undefined };
}

function toRow(row: RawRow): LeaderboardRow {
  return {
    contactId: row.contactId,
    name: row.name,
    regionCode: row.regionCode,
    rank: Number(row.rank),
    points: Number(row.points),
    tasksDone: Number(row.tasksDone),
    recruits: Number(row.recruits),
    canvassReports: Number(row.canvassReports),
  };
}
