import { Prisma, type Db } from "../../db/client.js";

/**
 * Counts one change on each broadcast and task whose deliveries or assignments moved: the
 * dashboard's live markers read these counters instead of counting deliveries, so a page sees
 * progress made in any process by reading a few rows. `all` bumps every unfinished one (after a
 * sweep that moved rows of unknown owners).
 */
export async function bumpSourceRevisions(db: Db, sources: { broadcastIds?: Iterable<string>; taskIds?: Iterable<number>; all?: boolean }): Promise<void> {
  const broadcastIds = [...(sources.broadcastIds ?? [])];
  const taskIds = [...(sources.taskIds ?? [])];
  if (sources.all) {
    await db.$executeRaw`UPDATE "Broadcast" SET "revision" = "revision" + 1 WHERE "status" IN ('sending', 'paused')`;
    await db.$executeRaw`UPDATE "Task" SET "revision" = "revision" + 1 WHERE "status" = 'open'`;
    return;
  }
  if (broadcastIds.length > 0) await db.$executeRaw`UPDATE "Broadcast" SET "revision" = "revision" + 1 WHERE "id" IN (${Prisma.join(broadcastIds)})`;
  if (taskIds.length > 0) await db.$executeRaw`UPDATE "Task" SET "revision" = "revision" + 1 WHERE "id" IN (${Prisma.join(taskIds)})`;
}
