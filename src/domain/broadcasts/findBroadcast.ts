import type { Db } from "../../db/client.js";

/** By full id, or by the short ref ("k3x9qa", "#k3x9qa") when exactly one broadcast ends with it. */
export async function findBroadcast(db: Db, ref: string) {
  const text = ref.trim().replace(/^#/, "");
  if (text === "") return undefined;
  const exact = await db.broadcast.findUnique({ where: { id: text }, include: { segment: true } });
  if (exact || text.length < 6) return exact ?? undefined;
  // Ids are lower-case cuids; SQLite's LIKE ignores case and PostgreSQL's does not, so match lower-case on both.
  const matches = await db.broadcast.findMany({ where: { id: { endsWith: text.toLowerCase() } }, include: { segment: true }, take: 2 });
  return matches.length === 1 ? matches[0] : undefined;
}

export type FoundBroadcast = NonNullable<Awaited<ReturnType<typeof findBroadcast>>>;
